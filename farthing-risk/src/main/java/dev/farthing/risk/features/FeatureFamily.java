package dev.farthing.risk.features;

/**
 * What kind of signal a feature is, for the decision layer's evidence rule (novelty is not evidence): a first
 * payment, a new device, a shared address or a missing field is {@link #NOVELTY}, the payment's own setting is
 * {@link #CONTEXT}; only the evidence families can corroborate a decline, and only through a feature of the
 * family whose value is beyond its normal band ({@link FeatureSchema.Feature#isEvidence}).
 */
public enum FeatureFamily {
    /** Newness and absence: first payments, new devices/IPs/instruments, young accounts, missing telemetry, shared addresses. */
    NOVELTY(false),
    /** The payment's setting: amount, hour, the payee's or the address's popularity. Normal in any range. */
    CONTEXT(false),
    /** How fast one payer, device or instrument pays. */
    VELOCITY(true),
    /** Accounts tied together by devices, instruments and money flows (farms, card testing, mule cycles). */
    LINKAGE(true),
    /** Inhuman input or timing: scripted keystrokes, ruler-straight pointers, machine-regular gaps. */
    TELEMETRY(true),
    /** Spending unlike the payer's own history. */
    BASELINE(true),
    /** Where the payer is against where it was. */
    TRAVEL(true);

    private final boolean evidence;

    FeatureFamily(boolean evidence) {
        this.evidence = evidence;
    }

    /** True for the families that can corroborate a decline. */
    public boolean evidence() {
        return evidence;
    }

    /** Lower-case name for reasons and docs ("velocity"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
