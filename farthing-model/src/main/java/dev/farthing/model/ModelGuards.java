package dev.farthing.model;

import dev.farthing.model.calibration.IsotonicCalibrator;
import dev.farthing.model.calibration.ScoreThresholds;
import dev.farthing.model.guard.TrainingStats;

import java.util.Objects;

/**
 * The optional parts of a bundle that make its score trustworthy beyond its training data: the training
 * feature statistics (out-of-distribution guard and drift bins; null = guard off), the isotonic calibrator
 * (null = the trees' probability as is) and the policy thresholds chosen from held-out legitimate scores
 * ({@link ScoreThresholds#NONE} when absent). Bundles written before these existed have {@link #NONE}.
 */
public record ModelGuards(TrainingStats trainingStats, IsotonicCalibrator calibrator, ScoreThresholds thresholds) {
    public static final ModelGuards NONE = new ModelGuards(null, null, ScoreThresholds.NONE);

    public ModelGuards {
        Objects.requireNonNull(thresholds, "thresholds (use ScoreThresholds.NONE)");
    }
}
