package dev.farthing.contracts.payment;

/** What was decided for a payment; {@link #wire()} is its stable snake_case form. */
public enum Decision {
    APPROVED("approved"),
    CHALLENGED("challenged"),
    HELD_FOR_REVIEW("held_for_review"),
    DECLINED("declined");

    private final String wire;

    Decision(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** True when the decision places money on the ledger (posted at once, or held). */
    public boolean movesMoney() {
        return this != DECLINED;
    }

    /** True when the ledger legs are holds that a later challenge or review posts or voids. */
    public boolean holds() {
        return this == CHALLENGED || this == HELD_FOR_REVIEW;
    }
}
