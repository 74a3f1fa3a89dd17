package dev.farthing.customers.kyc;

/**
 * Why a payment is over a KYC limit: which {@code period} of which {@code currency}, its {@code limit}, what was
 * already {@code used} in the period, the {@code requested} amount (minor units), the customer's tier, and the
 * lowest tier that would admit the payment ({@code liftingTier}, null when none would). The profile and version
 * say which data file decided.
 */
public record LimitBreach(LimitPeriod period, String currency, long limit, long used, long requested, int tier,
                          Integer liftingTier, String jurisdiction, String profileVersion) {

    public String describe() {
        String what = period == LimitPeriod.CURRENCY
                ? "tier " + tier + " may not pay in " + currency
                : "the " + period.wire().replace('_', '-') + " limit of tier " + tier + " is " + limit + " " + currency
                        + " (minor units; used " + used + ", requested " + requested + ")";
        String lift = liftingTier == null ? "; no tier of the " + jurisdiction + " profile admits it"
                : "; KYC tier " + liftingTier + " lifts it";
        return what + lift + " (profile " + jurisdiction + " " + profileVersion + ")";
    }
}
