package dev.farthing.disputes.model;

/**
 * Where a dispute stands: {@code open -> evidence -> decided -> appealed -> final}, and {@code escalated} (to a
 * person, tier L1..L3) from any state before final.
 */
public enum DisputeState {
    /** Filed; the automatic resolution runs at once. */
    OPEN,
    /** Waiting for evidence from either party; new evidence runs the resolution again. */
    EVIDENCE,
    /** With a reviewer (or, at L3, an external arbitrator). */
    ESCALATED,
    /** Decided (won, lost or partial); may be appealed until the appeal window closes. */
    DECIDED,
    /** Appealed; a different reviewer decides with the new evidence. */
    APPEALED,
    /** Decided for good. */
    FINAL;

    public String wire() {
        return Wire.of(this);
    }

    public boolean terminal() {
        return this == FINAL;
    }
}
