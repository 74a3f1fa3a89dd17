package dev.farthing.disputes.model;

/** What kind of dispute the classifier thinks it is. */
public enum DisputeClass {
    /** Something broke: not delivered, charged twice, wrong amount. */
    TECHNICAL,
    /** Delivered, but the claimant says it was not what was promised. */
    CONTENT,
    /** The payer did not make the payment (stolen credentials, a taken-over device). */
    FRAUD,
    /** The payer made and received it, and disputes anyway. */
    FRIENDLY_FRAUD;

    public String wire() {
        return Wire.of(this);
    }
}
