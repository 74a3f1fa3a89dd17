package dev.farthing.customers.kyc;

import java.util.List;
import java.util.Set;

/**
 * The KYC tiers of one jurisdiction, as loaded from its versioned data file ({@code kyc-profiles/*.json}):
 * four tiers (0..3), the countries it applies to, and the legal sources its figures come from.
 */
public record KycProfile(String jurisdiction, String version, Set<String> countries, List<String> sources,
                         List<TierLimits> tiers, Retention retention) {

    /**
     * What the jurisdiction's AML law makes a firm keep after a customer asks for erasure, once due diligence was
     * done (tier 1 and up): these personal-data {@code fields}, for {@code years} after the relationship ends.
     */
    public record Retention(int years, List<String> fields, String source) {
        public Retention {
            fields = List.copyOf(fields);
        }
    }
    public static final int MAX_TIER = 3;

    public KycProfile {
        countries = Set.copyOf(countries);
        sources = List.copyOf(sources);
        tiers = List.copyOf(tiers);
        if (tiers.size() != MAX_TIER + 1) {
            throw new IllegalArgumentException(jurisdiction + ": a profile has exactly tiers 0.." + MAX_TIER);
        }
    }

    public TierLimits tier(int tier) {
        return tiers.get(tier);
    }

    /**
     * Null when a payment of {@code amount} by a customer at {@code tier} who already used {@code usedToday} and
     * {@code usedThisMonth} (same currency) fits every cap; else the first cap it breaks, with the lifting tier.
     */
    public LimitBreach check(int tier, String currency, long amount, long usedToday, long usedThisMonth) {
        LimitBreach breach = breach(tier, currency, amount, usedToday, usedThisMonth);
        if (breach == null) {
            return null;
        }
        Integer lifting = null;
        for (int t = tier + 1; t <= MAX_TIER && lifting == null; t++) {
            if (breach(t, currency, amount, usedToday, usedThisMonth) == null) {
                lifting = t;
            }
        }
        return new LimitBreach(breach.period(), currency, breach.limit(), breach.used(), amount, tier, lifting,
                jurisdiction, version);
    }

    private LimitBreach breach(int tier, String currency, long amount, long usedToday, long usedThisMonth) {
        Caps caps = tiers.get(tier).caps().get(currency);
        if (caps == null) {
            return new LimitBreach(LimitPeriod.CURRENCY, currency, 0, 0, amount, tier, null, jurisdiction, version);
        }
        if (amount > caps.perPayment()) {
            return new LimitBreach(LimitPeriod.PER_PAYMENT, currency, caps.perPayment(), 0, amount, tier, null,
                    jurisdiction, version);
        }
        if (over(usedToday, amount, caps.daily())) {
            return new LimitBreach(LimitPeriod.DAILY, currency, caps.daily(), usedToday, amount, tier, null,
                    jurisdiction, version);
        }
        if (over(usedThisMonth, amount, caps.monthly())) {
            return new LimitBreach(LimitPeriod.MONTHLY, currency, caps.monthly(), usedThisMonth, amount, tier, null,
                    jurisdiction, version);
        }
        return null;
    }

    /** Overflow-safe {@code used + amount > cap}: both are non-negative. */
    private static boolean over(long used, long amount, long cap) {
        return amount > cap - Math.min(used, cap) || used > cap;
    }
}
