package dev.farthing.model.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What a model saw in training, per feature ({@link FeatureStats}), and the out-of-distribution guard built on
 * it. A value is <em>far</em> when it lies more than {@link #FAR_SPREADS} spreads (the IQR, see
 * {@link FeatureStats#spread}) outside the training [p0.1, p99.9]. A row with k far features keeps a weight of
 * {@code 0.5^min(k, 3)} of the model's opinion: its score is shrunk toward the training base rate by that
 * factor, because trees extrapolate flat and confidently beyond the data they were built from. Immutable.
 */
public final class TrainingStats {
    public static final double FAR_SPREADS = 3.0;
    /** Beyond this many far features the weight stops shrinking (0.125). */
    public static final int MAX_SHRINK_STEPS = 3;

    private final List<FeatureStats> features;
    private final long rows;
    private final double baseRate;

    public TrainingStats(List<FeatureStats> features, long rows, double baseRate) {
        this.features = List.copyOf(features);
        this.rows = rows;
        this.baseRate = baseRate;
        if (!(baseRate >= 0 && baseRate <= 1)) {
            throw new IllegalArgumentException("training base rate must be in [0, 1], got " + baseRate);
        }
    }

    /** Statistics of {@code rows} (row-major, {@code names} in column order) with {@code positives} frauds. */
    public static TrainingStats of(List<String> names, double[][] rows, long positives) {
        List<FeatureStats> out = new ArrayList<>(names.size());
        double[] column = new double[rows.length];
        for (int j = 0; j < names.size(); j++) {
            for (int i = 0; i < rows.length; i++) {
                column[i] = rows[i][j];
            }
            out.add(FeatureStats.of(names.get(j), column));
        }
        return new TrainingStats(out, rows.length, rows.length == 0 ? 0 : (double) positives / rows.length);
    }

    public List<FeatureStats> features() {
        return features;
    }

    public long rows() {
        return rows;
    }

    /** Share of fraud among the training rows: the prior an out-of-distribution score is shrunk toward. */
    public double baseRate() {
        return baseRate;
    }

    /** The guard's verdict for {@code row} (same column order as the statistics). Allocates only when far. */
    public OodCheck check(double[] row) {
        List<String> far = null;
        for (int j = 0; j < features.size(); j++) {
            FeatureStats f = features.get(j);
            if (f.distanceOutside(row[j]) > FAR_SPREADS) {
                if (far == null) {
                    far = new ArrayList<>(4);
                }
                far.add(f.name());
            }
        }
        if (far == null) {
            return OodCheck.IN_DISTRIBUTION;
        }
        return new OodCheck(far, Math.pow(0.5, Math.min(far.size(), MAX_SHRINK_STEPS)), true);
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("rows", rows);
        json.put("base_rate", baseRate);
        json.put("far_spreads", FAR_SPREADS);
        ArrayNode list = json.putArray("features");
        for (FeatureStats f : features) {
            list.add(f.toJson());
        }
        return json;
    }

    /** Reads {@code training_stats}; its features must be {@code names}, in order. */
    public static TrainingStats fromJson(JsonNode json, List<String> names) {
        JsonNode list = json.path("features");
        if (!list.isArray() || list.size() != names.size()) {
            throw new IllegalArgumentException("training_stats must list the model's " + names.size() + " features");
        }
        List<FeatureStats> features = new ArrayList<>(names.size());
        for (int j = 0; j < names.size(); j++) {
            FeatureStats f = FeatureStats.fromJson(list.get(j));
            if (!f.name().equals(names.get(j))) {
                throw new IllegalArgumentException("training_stats feature " + j + " is '" + f.name()
                        + "', expected '" + names.get(j) + "'");
            }
            features.add(f);
        }
        return new TrainingStats(features, json.path("rows").asLong(), json.path("base_rate").asDouble(Double.NaN));
    }
}
