package dev.farthing.disputes.model;

/** Why the claimant disputes. */
public enum Reason {
    NOT_DELIVERED, UNAUTHORIZED, NOT_AS_DESCRIBED, DUPLICATE, AMOUNT_WRONG;

    public String wire() {
        return Wire.of(this);
    }
}
