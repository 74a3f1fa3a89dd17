package dev.farthing.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.model.calibration.ScoreThresholds;
import dev.farthing.model.gbt.TreeEnsemble;
import dev.farthing.model.guard.DriftMonitor;
import dev.farthing.model.guard.OodCheck;
import dev.farthing.model.guard.TrainingStats;
import dev.farthing.model.iforest.IsolationForest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A scored-model bundle ({@code model.json}): a gradient-boosted tree ensemble giving the fraud probability,
 * an optional isolation forest giving an anomaly score, the feature names both expect (in row order), and the
 * training metadata. Immutable and thread-safe; scoring is pure Java and allocates only the result.
 *
 * <p>Where the bundle has them ({@link ModelGuards}), the fraud score is the trees' probability mapped through
 * the isotonic calibrator, then shrunk toward the training base rate when the row is far outside the training
 * distribution ({@link TrainingStats#check}). The one mutable part is the {@link #drift} monitor, which counts
 * the rows the decision thread scores.
 *
 * <p>The version is a hash of the content, so the same model always has the same version and a changed file
 * cannot pass as the original (see {@link RiskModelFile}).
 */
public final class RiskModel {

    /** The two scores of one row: fraud probability from the trees, anomaly from the forest (NaN if none). */
    public record Scores(double fraud, double anomaly) {
    }

    private final String version;
    private final Instant createdAt;
    private final List<String> featureNames;
    private final TreeEnsemble trees;
    private final IsolationForest forest;
    private final ObjectNode bundle;
    private final ModelGuards guards;
    private final DriftMonitor drift;

    RiskModel(String version, Instant createdAt, List<String> featureNames, TreeEnsemble trees,
              IsolationForest forest, ObjectNode bundle, ModelGuards guards) {
        this.version = Objects.requireNonNull(version);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.featureNames = List.copyOf(featureNames);
        this.trees = Objects.requireNonNull(trees);
        this.forest = forest;
        this.bundle = bundle;
        this.guards = Objects.requireNonNull(guards);
        this.drift = guards.trainingStats() == null ? null : new DriftMonitor(guards.trainingStats());
        if (guards.trainingStats() != null && guards.trainingStats().features().size() != featureNames.size()) {
            throw new IllegalArgumentException("model has " + featureNames.size() + " feature names but training"
                    + " statistics for " + guards.trainingStats().features().size());
        }
        if (trees.featureCount() != featureNames.size()) {
            throw new IllegalArgumentException("model has " + featureNames.size() + " feature names but its trees use "
                    + trees.featureCount() + " features");
        }
        if (forest != null && forest.featureCount() != featureNames.size()) {
            throw new IllegalArgumentException("model has " + featureNames.size()
                    + " feature names but its isolation forest uses " + forest.featureCount());
        }
    }

    /** Reads and verifies a bundle; throws {@link ModelFormatException} on a corrupt or foreign file. */
    public static RiskModel load(Path file) throws IOException {
        return RiskModelFile.read(file);
    }

    /** The same, from a bundle's bytes (a classpath resource, say); {@code source} names it in errors. */
    public static RiskModel load(String source, byte[] bundle) {
        return RiskModelFile.read(source, bundle);
    }

    /** A new bundle from trained parts; the version is computed from the content. */
    public static RiskModel create(List<String> featureNames, JsonNode xgboostModel, IsolationForest forest,
                                   ObjectNode training, Instant createdAt) {
        return RiskModelFile.create(featureNames, xgboostModel, forest, training, createdAt, ModelGuards.NONE);
    }

    /** The same, with training statistics, calibrator and thresholds. */
    public static RiskModel create(List<String> featureNames, JsonNode xgboostModel, IsolationForest forest,
                                   ObjectNode training, Instant createdAt, ModelGuards guards) {
        return RiskModelFile.create(featureNames, xgboostModel, forest, training, createdAt, guards);
    }

    /** Writes the bundle atomically (temporary file, fsync, rename). */
    public void write(Path file) throws IOException {
        RiskModelFile.write(this, file);
    }

    public Scores score(double[] row) {
        return score(row, outOfDistribution(row));
    }

    /** Scores with an out-of-distribution verdict already taken for this row ({@link #outOfDistribution}). */
    public Scores score(double[] row, OodCheck ood) {
        double[] own = ownFeatures(row);
        return new Scores(fraud(own, ood), forest == null ? Double.NaN : forest.score(own));
    }

    /** Calibrated (and, out of distribution, shrunk) fraud probability in [0, 1]; {@code NaN} entries are missing. */
    public double fraudScore(double[] row) {
        double[] own = ownFeatures(row);
        return fraud(own, outOfDistribution(own));
    }

    /** The trees' own probability, before calibration and the guard (what the calibrator is fitted on). */
    public double rawFraudScore(double[] row) {
        return trees.predict(ownFeatures(row));
    }

    /** The guard's verdict for {@code row}; {@link OodCheck#GUARD_OFF} for a bundle without training statistics. */
    public OodCheck outOfDistribution(double[] row) {
        checkWidth(row);
        TrainingStats stats = guards.trainingStats();
        return stats == null ? OodCheck.GUARD_OFF : stats.check(row);
    }

    private double fraud(double[] row, OodCheck ood) {
        return fraudOfProbability(trees.predict(row), ood);
    }

    /**
     * The fraud score of a row whose trees' margin (log-odds, the sum of its TreeSHAP contributions and bias) is
     * {@code margin}, under the guard's verdict {@code ood}: the same calibration and shrinking as {@link #score}.
     * For asking what the model would say with some contributions taken out.
     */
    public double fraudScoreOfMargin(double margin, OodCheck ood) {
        return fraudOfProbability(1.0 / (1.0 + Math.exp(-margin)), ood);
    }

    /** The 99th percentile of {@code feature} over the training rows; NaN without training statistics or such a feature. */
    public double trainingP99(String feature) {
        TrainingStats stats = guards.trainingStats();
        int i = featureNames.indexOf(feature);
        return stats == null || i < 0 ? Double.NaN : stats.features().get(i).p99();
    }

    private double fraudOfProbability(double p, OodCheck ood) {
        if (guards.calibrator() != null) {
            p = guards.calibrator().apply(p);
        }
        TrainingStats stats = guards.trainingStats();
        return stats == null ? p : ood.shrink(p, stats.baseRate());
    }

    /** Anomaly score in (0, 1], or {@code NaN} when the bundle has no isolation forest. */
    public double anomalyScore(double[] row) {
        return forest == null ? Double.NaN : forest.score(ownFeatures(row));
    }

    /** True when the fraud score can be explained feature by feature (the trees carry node covers). */
    public boolean explainsFraud() {
        return trees.hasCover();
    }

    /**
     * A new explainer of this model's scores with its own buffers; keep one per single-threaded caller.
     * Building it precomputes per-node tables (about as costly as loading the model), so reuse it.
     */
    public ModelExplainer explainer() {
        return new ModelExplainer(trees, forest, featureNames.size());
    }

    private void checkWidth(double[] row) {
        if (row.length < featureNames.size()) {
            throw new IllegalArgumentException("model " + version + " expects " + featureNames.size()
                    + " features, got a row of " + row.length);
        }
    }

    /**
     * The row as this model reads it: itself, or for a row of a schema that has grown since the model was trained
     * ({@link #requireFeatures} accepted it as a prefix), its first {@code featureNames().size()} values.
     */
    double[] ownFeatures(double[] row) {
        checkWidth(row);
        return row.length == featureNames.size() ? row : Arrays.copyOf(row, featureNames.size());
    }

    /**
     * Refuses this model unless it was trained on these features in this order, or on a prefix of them (features
     * appended to the engine's schema since the model was trained are not read by it, and get no contribution): a
     * model scored on a different schema would read every feature from the wrong column.
     */
    public void requireFeatures(List<String> engineFeatures) {
        if (engineFeatures.size() >= featureNames.size()
                && featureNames.equals(engineFeatures.subList(0, featureNames.size()))) {
            return;
        }
        throw new FeatureMismatchException(version, featureNames, engineFeatures);
    }

    public String version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public boolean hasAnomalyModel() {
        return forest != null;
    }

    /** True when the bundle has training statistics: the out-of-distribution guard and drift are on. */
    public boolean hasTrainingStats() {
        return guards.trainingStats() != null;
    }

    /** True when the fraud score goes through an isotonic calibrator fitted on held-out rows. */
    public boolean isCalibrated() {
        return guards.calibrator() != null;
    }

    /** Policy thresholds chosen from held-out legitimate scores; {@link ScoreThresholds#NONE} when absent. */
    public ScoreThresholds thresholds() {
        return guards.thresholds();
    }

    public ModelGuards guards() {
        return guards;
    }

    /** Live drift of the rows scored by the decision thread; null when the bundle has no training statistics. */
    public DriftMonitor drift() {
        return drift;
    }

    /** Training metadata: data file, format, rows, positives, parameters, holdout metrics. */
    public JsonNode training() {
        return bundle.path("training").deepCopy();
    }

    /** The same trees and forest with other guards: for scoring while training, never written (its bundle is stale). */
    RiskModel withGuards(ModelGuards other) {
        return new RiskModel(version, createdAt, featureNames, trees, forest, bundle, other);
    }

    ObjectNode bundle() {
        return bundle;
    }
}
