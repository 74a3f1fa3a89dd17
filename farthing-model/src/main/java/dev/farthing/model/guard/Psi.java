package dev.farthing.model.guard;

/**
 * Population stability index of a live histogram against the training one:
 * {@code PSI = Σ (live_i − train_i) · ln(live_i / train_i)} over the bins' shares. A share of 0 is replaced by
 * {@link #EPSILON} so empty bins count without dividing by zero. Rule of thumb: under 0.1 stable, 0.1–0.2 a
 * moderate shift, above {@link #ALERT} a significant one.
 */
public final class Psi {
    public static final double EPSILON = 1e-4;
    /** A feature whose PSI exceeds this has drifted (reported in {@code exceeding}). */
    public static final double ALERT = 0.2;

    private Psi() {
    }

    /** PSI of live bin counts against training bin shares; NaN when no live value was counted. */
    public static double of(double[] trainFractions, long[] liveCounts) {
        if (trainFractions.length != liveCounts.length) {
            throw new IllegalArgumentException(trainFractions.length + " training bins but " + liveCounts.length
                    + " live bins");
        }
        long total = 0;
        for (long c : liveCounts) {
            total += c;
        }
        if (total == 0) {
            return Double.NaN;
        }
        double psi = 0;
        for (int i = 0; i < liveCounts.length; i++) {
            double live = Math.max((double) liveCounts[i] / total, EPSILON);
            double train = Math.max(trainFractions[i], EPSILON);
            psi += (live - train) * Math.log(live / train);
        }
        return psi;
    }
}
