package dev.farthing.model.gbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.model.data.Dataset;

import java.util.Arrays;
import java.util.List;

/**
 * Which way each feature may move the trees' score, and what a missing value counts as. Direction {@code +1}:
 * the score never decreases as the value grows (XGBoost {@code monotone_constraints}); {@code -1}: never increases;
 * {@code 0}: free. A constrained feature's missing value is scored exactly as its <em>quiet end</em>: the smallest
 * training value for {@code +1}, the largest for {@code -1}. So, by construction, a missing value never raises the
 * score above what any observed value of that feature would give ({@link #fillMissing} before training,
 * {@link #pinMissing} on the trained trees, which then send a missing value where the quiet end goes).
 *
 * <p>Why: trees trained on traffic where attackers are mostly new accounts learn "new" (no history, no account
 * age, a payee nobody paid yet) as fraud. With novelty features constrained so that the novel end is the quiet
 * end, and evidence features constrained toward abuse, the model can only raise a score on evidence.
 *
 * @param directions one of -1, 0, +1 per feature, in row order
 * @param quietEnds  per feature, the value a missing one is scored as (NaN: left to the trees' own default)
 */
public record MonotoneConstraints(int[] directions, double[] quietEnds) {
    public MonotoneConstraints {
        directions = directions.clone();
        quietEnds = quietEnds.clone();
        if (directions.length != quietEnds.length) {
            throw new IllegalArgumentException("directions and quiet ends differ in length");
        }
        for (int d : directions) {
            if (d < -1 || d > 1) {
                throw new IllegalArgumentException("a monotone direction is -1, 0 or +1, got " + d);
            }
        }
    }

    /**
     * The constraints for {@code directions}, with quiet ends taken from the training rows' known values (a
     * feature never observed stays unpinned).
     */
    public static MonotoneConstraints fit(int[] directions, Dataset train) {
        if (directions.length != train.width()) {
            throw new IllegalArgumentException("expected " + train.width() + " monotone directions, got "
                    + directions.length);
        }
        double[] quiet = new double[directions.length];
        Arrays.fill(quiet, Double.NaN);
        for (double[] row : train.rows()) {
            for (int j = 0; j < quiet.length; j++) {
                double v = row[j];
                if (directions[j] == 0 || Double.isNaN(v)) {
                    continue;
                }
                if (Double.isNaN(quiet[j]) || (directions[j] > 0 ? v < quiet[j] : v > quiet[j])) {
                    quiet[j] = v;
                }
            }
        }
        return new MonotoneConstraints(directions, quiet);
    }

    public int width() {
        return directions.length;
    }

    public int direction(int feature) {
        return directions[feature];
    }

    /** XGBoost's parameter value, e.g. {@code "(1,0,-1)"}. */
    public String toXgboost() {
        StringBuilder out = new StringBuilder("(");
        for (int j = 0; j < directions.length; j++) {
            out.append(j == 0 ? "" : ",").append(directions[j]);
        }
        return out.append(')').toString();
    }

    /** A copy of {@code data} whose missing values of pinned features are their quiet ends. */
    public Dataset fillMissing(Dataset data) {
        if (data.width() != width()) {
            throw new IllegalArgumentException("dataset has " + data.width() + " features, constraints " + width());
        }
        double[][] rows = new double[data.size()][];
        for (int i = 0; i < rows.length; i++) {
            double[] row = data.rows()[i];
            double[] copy = null;
            for (int j = 0; j < row.length; j++) {
                if (Double.isNaN(row[j]) && !Double.isNaN(quietEnds[j])) {
                    if (copy == null) {
                        copy = row.clone();
                    }
                    copy[j] = quietEnds[j];
                }
            }
            rows[i] = copy == null ? row : copy;
        }
        return new Dataset(data.featureNames(), rows, data.labels(), data.scenarios());
    }

    /**
     * A copy of a trained XGBoost JSON model in which every split on a pinned feature sends a missing value the
     * way its quiet end goes ({@code quiet < threshold}: left), so the trees score a missing value exactly as the
     * value they were trained with in its place. XGBoost itself scores the copy the same way.
     */
    public JsonNode pinMissing(JsonNode xgboost) {
        JsonNode copy = xgboost.deepCopy();
        JsonNode trees = copy.path("learner").path("gradient_booster").path("model").path("trees");
        for (JsonNode tree : trees) {
            JsonNode lefts = tree.path("left_children");
            JsonNode indices = tree.path("split_indices");
            JsonNode conditions = tree.path("split_conditions");
            ArrayNode defaults = (ArrayNode) tree.path("default_left");
            for (int i = 0; i < lefts.size(); i++) {
                if (lefts.get(i).asInt() == -1) {
                    continue;
                }
                int feature = indices.get(i).asInt();
                double quiet = feature < quietEnds.length ? quietEnds[feature] : Double.NaN;
                if (Double.isNaN(quiet)) {
                    continue;
                }
                boolean left = (float) quiet < (float) conditions.get(i).asDouble();
                defaults.set(i, defaults.get(i).isBoolean() ? JsonNodeFactory.instance.booleanNode(left)
                        : JsonNodeFactory.instance.numberNode(left ? 1 : 0));
            }
        }
        return copy;
    }

    /** For the bundle's training metadata: per feature name, its direction and quiet end. */
    public ObjectNode toJson(List<String> names) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (int j = 0; j < directions.length; j++) {
            if (directions[j] == 0) {
                continue;
            }
            ObjectNode f = json.putObject(names.get(j));
            f.put("direction", directions[j]);
            if (Double.isNaN(quietEnds[j])) {
                f.putNull("missing_as");
            } else {
                f.put("missing_as", quietEnds[j]);
            }
        }
        return json;
    }
}
