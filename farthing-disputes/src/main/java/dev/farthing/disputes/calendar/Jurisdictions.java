package dev.farthing.disputes.calendar;

import dev.farthing.disputes.config.DisputeConfig;

import java.util.Map;

/**
 * Which jurisdiction a dispute falls under, by the payment's currency, with a default for the rest. The shipped
 * set (data: {@link DisputeConfig}): {@code us_reg_e} (USD; New York; US federal holidays; 10 business days of evidence, provisional credit),
 * {@code eu} (EUR; Frankfurt; TARGET2 closing days) and {@code default} (UTC weekdays).
 */
public record Jurisdictions(Map<String, Jurisdiction> byCurrency, Jurisdiction fallback) {
    /** Amounts are minor units of 6 decimals (the ledger's USD and EUR): 50.00 units decided alone at most. */
    public static final long DEFAULT_AUTO_LIMIT = 50_000_000L;

    public Jurisdictions {
        byCurrency = Map.copyOf(byCurrency);
    }

    public Jurisdiction of(String currency) {
        return byCurrency.getOrDefault(currency, fallback);
    }

    public Jurisdiction named(String name) {
        if (fallback.name().equals(name)) {
            return fallback;
        }
        return byCurrency.values().stream().filter(j -> j.name().equals(name)).findFirst().orElse(fallback);
    }

    /** The shipped rules ({@code config/disputes-config.json}); a data directory's file replaces them. */
    public static Jurisdictions defaults() {
        return DisputeConfig.shipped().jurisdictions();
    }
}
