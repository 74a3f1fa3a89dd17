package dev.farthing.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.model.calibration.IsotonicCalibrator;
import dev.farthing.model.calibration.ScoreThresholds;
import dev.farthing.model.data.Dataset;
import dev.farthing.model.guard.TrainingStats;
import dev.farthing.model.gbt.GbtParams;
import dev.farthing.model.gbt.GbtTrainer;
import dev.farthing.model.gbt.MonotoneConstraints;
import dev.farthing.model.iforest.IsolationForest;
import dev.farthing.model.iforest.IsolationForestParams;
import dev.farthing.model.metrics.Evaluation;

import java.time.Instant;

/**
 * Trains a complete {@link RiskModel}: the supervised trees on the labelled rows, the isolation forest on the
 * same rows without their labels, the training feature statistics (out-of-distribution guard, drift bins),
 * and (when a holdout is given) records both models' holdout metrics. Given calibration rows (held out by time
 * or drawn from another seed, never sampled from the training rows) it fits the isotonic calibrator on them and
 * chooses the policy thresholds from their legitimate rows' calibrated scores.
 */
public final class ModelTrainer {

    private ModelTrainer() {
    }

    /**
     * How to train beyond the tree parameters: monotone directions per feature (null: unconstrained; see
     * {@link MonotoneConstraints}) and the target shares of held-out legitimate payments above each threshold.
     */
    public record Options(int[] monotoneDirections, double declineTarget, double reviewTarget,
                          double challengeTarget) {
        public static final Options DEFAULT = new Options(null, ScoreThresholds.DECLINE_TARGET,
                ScoreThresholds.REVIEW_TARGET, ScoreThresholds.CHALLENGE_TARGET);

        public Options {
            monotoneDirections = monotoneDirections == null ? null : monotoneDirections.clone();
        }
    }

    /**
     * @param holdout rows never trained on, for the metrics recorded in the bundle; may be null
     * @param forestParams null to ship no anomaly model
     * @param source where the data came from (file, format, split), copied into the training metadata
     */
    public static RiskModel train(Dataset train, Dataset holdout, GbtParams gbt, IsolationForestParams forestParams,
                                  ObjectNode source, Instant createdAt) {
        return train(train, null, holdout, gbt, forestParams, source, createdAt);
    }

    /**
     * @param calibration rows for the calibrator and the thresholds, disjoint from {@code train} and not a random
     *                    sample of it; null for an uncalibrated model without thresholds
     */
    public static RiskModel train(Dataset train, Dataset calibration, Dataset holdout, GbtParams gbt,
                                  IsolationForestParams forestParams, ObjectNode source, Instant createdAt) {
        return train(train, calibration, holdout, gbt, Options.DEFAULT, forestParams, source, createdAt);
    }

    /** The same with {@code options}: monotone constraints and threshold targets. */
    public static RiskModel train(Dataset train, Dataset calibration, Dataset holdout, GbtParams gbt, Options options,
                                  IsolationForestParams forestParams, ObjectNode source, Instant createdAt) {
        MonotoneConstraints constraints = options.monotoneDirections() == null ? null
                : MonotoneConstraints.fit(options.monotoneDirections(), train);
        JsonNode xgboost = constraints == null ? GbtTrainer.train(train, gbt) : GbtTrainer.train(train, gbt, constraints);
        IsolationForest forest = forestParams == null ? null : IsolationForest.train(train.rows(), forestParams);
        ObjectNode training = JsonNodeFactory.instance.objectNode();
        if (source != null) {
            training.set("data", source.deepCopy());
        }
        training.put("rows", train.size());
        training.put("positives", train.positives());
        training.set("gbt_params", params(gbt));
        if (constraints != null) {
            training.set("monotone_constraints", constraints.toJson(train.featureNames()));
        }
        if (forestParams != null) {
            ObjectNode f = training.putObject("isolation_forest_params");
            f.put("trees", forestParams.trees());
            f.put("sample_size", forestParams.sampleSize());
            f.put("seed", forestParams.seed());
        }
        ModelGuards guards = new ModelGuards(TrainingStats.of(train.featureNames(), train.rows(), train.positives()),
                null, ScoreThresholds.NONE);
        RiskModel unevaluated = RiskModel.create(train.featureNames(), xgboost, forest, training, createdAt, guards);
        if (calibration != null) {
            guards = calibrate(unevaluated, calibration, options);
            training.set("calibration_rows", calibrationSummary(calibration));
            unevaluated = RiskModel.create(train.featureNames(), xgboost, forest, training, createdAt, guards);
        }
        if (holdout == null || holdout.size() == 0) {
            return unevaluated;
        }
        training.set("holdout", holdoutMetrics(unevaluated, holdout));
        return RiskModel.create(train.featureNames(), xgboost, forest, training, createdAt, guards);
    }

    /** Isotonic calibrator on the calibration rows' raw scores, then thresholds from their legitimate rows. */
    static ModelGuards calibrate(RiskModel uncalibrated, Dataset calibration) {
        return calibrate(uncalibrated, calibration, Options.DEFAULT);
    }

    static ModelGuards calibrate(RiskModel uncalibrated, Dataset calibration, Options options) {
        if (!calibration.featureNames().equals(uncalibrated.featureNames())) {
            throw new IllegalArgumentException("calibration rows have other features than the training rows");
        }
        int positives = calibration.positives();
        if (positives == 0 || positives == calibration.size()) {
            throw new IllegalArgumentException("calibration needs both fraud and legitimate rows (got "
                    + positives + " fraud of " + calibration.size() + ")");
        }
        double[] raw = new double[calibration.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = uncalibrated.rawFraudScore(calibration.rows()[i]);
        }
        IsotonicCalibrator calibrator = IsotonicCalibrator.fit(raw, calibration.labels());
        ModelGuards calibrated = new ModelGuards(uncalibrated.guards().trainingStats(), calibrator,
                ScoreThresholds.NONE);
        RiskModel scorer = uncalibrated.withGuards(calibrated);
        double[] legitimate = new double[calibration.size() - positives];
        int k = 0;
        for (int i = 0; i < raw.length; i++) {
            if (calibration.labels()[i] == 0) {
                legitimate[k++] = scorer.fraudScore(calibration.rows()[i]);
            }
        }
        return new ModelGuards(calibrated.trainingStats(), calibrator, ScoreThresholds.select(legitimate,
                options.declineTarget(), options.reviewTarget(), options.challengeTarget()));
    }

    private static ObjectNode calibrationSummary(Dataset calibration) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("rows", calibration.size());
        json.put("positives", calibration.positives());
        return json;
    }

    private static ObjectNode holdoutMetrics(RiskModel model, Dataset holdout) {
        double[] fraud = new double[holdout.size()];
        double[] anomaly = new double[holdout.size()];
        for (int i = 0; i < fraud.length; i++) {
            fraud[i] = model.fraudScore(holdout.rows()[i]);
            anomaly[i] = model.anomalyScore(holdout.rows()[i]);
        }
        ObjectNode json = Evaluation.of(fraud, holdout.labels(), null, 0.5).toJson();
        if (model.hasAnomalyModel()) {
            json.set("anomaly", Evaluation.of(anomaly, holdout.labels(), null, 0.5).toJson());
        }
        return json;
    }

    private static ObjectNode params(GbtParams p) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("rounds", p.rounds());
        json.put("max_depth", p.maxDepth());
        json.put("eta", p.eta());
        json.put("subsample", p.subsample());
        json.put("colsample_bytree", p.colsampleByTree());
        json.put("min_child_weight", p.minChildWeight());
        json.put("lambda", p.lambda());
        json.put("scale_pos_weight", p.scalePosWeight());
        json.put("seed", p.seed());
        return json;
    }
}
