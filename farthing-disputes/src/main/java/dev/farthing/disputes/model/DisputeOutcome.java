package dev.farthing.disputes.model;

/** For the claimant: won (full refund), lost (nothing), partial (part of the amount refunded). */
public enum DisputeOutcome {
    WON, LOST, PARTIAL;

    public String wire() {
        return Wire.of(this);
    }

    /** True when money goes back to the claimant. */
    public boolean refunds() {
        return this != LOST;
    }
}
