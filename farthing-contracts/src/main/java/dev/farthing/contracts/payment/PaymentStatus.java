package dev.farthing.contracts.payment;

/** Where a payment's money stands on the ledger. */
public enum PaymentStatus {
    /** Decided and journaled; the ledger has not yet confirmed the legs (in flight, or to re-submit). */
    LEDGER_PENDING("ledger_pending"),
    /** Payment and fee posted. */
    POSTED("posted"),
    /** Payment and fee held, awaiting a challenge outcome or a review. */
    HELD("held"),
    /** The holds were voided (failed challenge, declined review). */
    VOIDED("voided"),
    /** The holds expired before anyone resolved them. */
    EXPIRED("expired"),
    /** Nothing moved: declined by policy or refused by the ledger. */
    NONE("none");

    private final String wire;

    PaymentStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
