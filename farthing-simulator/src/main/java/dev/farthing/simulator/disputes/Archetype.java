package dev.farthing.simulator.disputes;

/** Who files a dispute, in the labelled mix. */
public enum Archetype {
    /** The claim is true: nothing arrived, it stopped early, charged twice, overcharged. */
    HONEST,
    /** Paid, received, consumed, and disputes anyway. */
    FRIENDLY_FRAUD,
    /** Files dispute after dispute, mostly false. */
    SERIAL_DISPUTER,
    /** Someone else paid with their account: the claim of unauthorised use is true. */
    FRAUD_VICTIM
}
