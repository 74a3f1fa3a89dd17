package dev.farthing.settlement.routing;

/**
 * What one provider has shown for one corridor (currency + country), learned online with exponential forgetting so
 * a provider that changes is noticed: the success rate of attempts, the latency of answers, and the fee as a line
 * {@code fixed + rate x amount} fitted by exponentially weighted least squares over the paid payouts' fees.
 */
final class CorridorStats {
    private final double alpha;
    private final double decay;
    private double success = 1.0;
    private double latencyMillis;
    private long attempts;
    private long paid;
    // weighted sums for fee = a + b * amount
    private double w;
    private double sx;
    private double sy;
    private double sxx;
    private double sxy;

    CorridorStats(double alpha, double feeDecay) {
        this.alpha = alpha;
        this.decay = feeDecay;
    }

    /** An attempt ended: {@code ok} when it was paid, false when refused, failed or unanswered. */
    void outcome(boolean ok) {
        attempts++;
        double weight = Math.max(alpha, 1.0 / attempts); // the first few count as a plain average
        success += weight * ((ok ? 1.0 : 0.0) - success);
    }

    void latency(long millis) {
        latencyMillis = attempts <= 1 && latencyMillis == 0 ? millis : latencyMillis + alpha * (millis - latencyMillis);
    }

    void fee(long amountMinor, long feeMinor) {
        paid++;
        w = w * decay + 1;
        sx = sx * decay + amountMinor;
        sy = sy * decay + feeMinor;
        sxx = sxx * decay + (double) amountMinor * amountMinor;
        sxy = sxy * decay + (double) amountMinor * feeMinor;
    }

    /** Expected fee for {@code amountMinor}; NaN before any payout was paid. */
    double expectedFee(long amountMinor) {
        if (paid == 0) return Double.NaN;
        double meanX = sx / w;
        double meanY = sy / w;
        double varX = sxx / w - meanX * meanX;
        if (paid < 3 || varX <= 1e-9 * Math.max(1, meanX * meanX)) {
            return meanX > 0 ? meanY * amountMinor / meanX : meanY; // too little spread to separate fixed from rate
        }
        double slope = (sxy / w - meanX * meanY) / varX;
        return Math.max(0, meanY + slope * (amountMinor - meanX));
    }

    double success() {
        return success;
    }

    double latencyMillis() {
        return latencyMillis;
    }

    long attempts() {
        return attempts;
    }
}
