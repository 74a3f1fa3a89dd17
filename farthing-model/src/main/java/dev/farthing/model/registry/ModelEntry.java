package dev.farthing.model.registry;

import dev.farthing.model.calibration.ScoreThresholds;

import java.time.Instant;

/**
 * One registered model version as {@code farthing model list} shows it. {@code trainingStats} is false for a
 * bundle without training statistics (its out-of-distribution guard and drift are off); {@code thresholds} is
 * {@link ScoreThresholds#NONE} when the bundle has none.
 */
public record ModelEntry(String version, Instant createdAt, int featureCount, boolean anomalyModel,
                         boolean active, boolean shadow, boolean trainingStats, boolean calibrated,
                         ScoreThresholds thresholds) {
}
