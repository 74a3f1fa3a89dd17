package dev.farthing.customers.kyc;

/**
 * What a KYC limit bounds: one payment, a UTC calendar day or a UTC calendar month of ledger time, or
 * ({@code CURRENCY}) whether the tier may pay in the currency at all.
 */
public enum LimitPeriod {
    PER_PAYMENT("per_payment"), DAILY("daily"), MONTHLY("monthly"), CURRENCY("currency");

    private final String wire;

    LimitPeriod(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
