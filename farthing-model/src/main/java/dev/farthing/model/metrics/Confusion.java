package dev.farthing.model.metrics;

/** Counts at one threshold (a row is flagged when its score is at or above it); ratios are NaN when undefined. */
public record Confusion(double threshold, long truePositives, long falsePositives, long trueNegatives,
                        long falseNegatives) {

    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    public double falsePositiveRate() {
        return ratio(falsePositives, falsePositives + trueNegatives);
    }

    public long flagged() {
        return truePositives + falsePositives;
    }

    private static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }
}
