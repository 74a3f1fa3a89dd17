package dev.farthing.model.metrics;

/**
 * Results on the rows of one scenario: how many were flagged at the threshold and, for attack scenarios,
 * the ROC-AUC of separating this scenario's frauds from all legitimate rows (NaN where undefined).
 */
public record ScenarioMetrics(String scenario, long rows, long positives, double flaggedRate, double recall,
                              double falsePositiveRate, double rocAucVsLegit) {
}
