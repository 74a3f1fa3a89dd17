package dev.farthing.disputes.calendar;

import dev.farthing.disputes.model.DisputeState;
import dev.farthing.disputes.model.Tier;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which jurisdiction a dispute falls under, by the payment's currency, with a default for the rest. The built-in
 * set: {@code us_reg_e} (USD; New York; US federal holidays; 10 business days of evidence, provisional credit),
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

    public static Jurisdictions defaults() {
        Map<String, Long> limits = Map.of("USD", DEFAULT_AUTO_LIMIT, "EUR", DEFAULT_AUTO_LIMIT);
        Jurisdiction us = new Jurisdiction("us_reg_e", BusinessCalendar.weekdays(ZoneId.of("America/New_York"),
                dates("2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07",
                        "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25", "2027-01-01", "2027-01-18",
                        "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-10-11",
                        "2027-11-11", "2027-11-25", "2027-12-24")),
                days(1, 10, 10, 10), tiers(2, 5, 20), limits, true);
        Jurisdiction eu = new Jurisdiction("eu", BusinessCalendar.weekdays(ZoneId.of("Europe/Berlin"),
                dates("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-12-25", "2026-12-26",
                        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-01", "2027-12-25", "2027-12-26")),
                days(1, 7, 10, 10), tiers(2, 5, 20), limits, false);
        Jurisdiction fallback = new Jurisdiction("default", BusinessCalendar.weekdays(ZoneId.of("UTC"), Set.of()),
                days(1, 7, 10, 10), tiers(2, 5, 20), limits, false);
        return new Jurisdictions(Map.of("USD", us, "EUR", eu), fallback);
    }

    private static Set<LocalDate> dates(String... days) {
        return Stream.of(days).map(LocalDate::parse).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<DisputeState, Integer> days(int open, int evidence, int decided, int appealed) {
        return Map.of(DisputeState.OPEN, open, DisputeState.EVIDENCE, evidence, DisputeState.DECIDED, decided,
                DisputeState.APPEALED, appealed);
    }

    private static Map<Tier, Integer> tiers(int l1, int l2, int l3) {
        return Map.of(Tier.L1, l1, Tier.L2, l2, Tier.L3, l3);
    }
}
