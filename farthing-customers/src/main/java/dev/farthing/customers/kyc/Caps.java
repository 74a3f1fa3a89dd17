package dev.farthing.customers.kyc;

/**
 * The caps of one tier in one currency, in minor units of the ledger's scale; {@link #NONE} means no cap for that
 * period.
 */
public record Caps(long perPayment, long daily, long monthly) {
    public static final long NONE = Long.MAX_VALUE;
    public static final Caps UNCAPPED = new Caps(NONE, NONE, NONE);

    public Caps {
        if (perPayment < 0 || daily < 0 || monthly < 0) {
            throw new IllegalArgumentException("caps are never negative: " + perPayment + "/" + daily + "/" + monthly);
        }
    }

    public long cap(LimitPeriod period) {
        return switch (period) {
            case PER_PAYMENT -> perPayment;
            case DAILY -> daily;
            case MONTHLY -> monthly;
            case CURRENCY -> NONE;
        };
    }

    /** True when no period of this is stricter than {@code lower}'s (higher tiers only ever lift). */
    boolean atLeast(Caps lower) {
        return perPayment >= lower.perPayment && daily >= lower.daily && monthly >= lower.monthly;
    }
}
