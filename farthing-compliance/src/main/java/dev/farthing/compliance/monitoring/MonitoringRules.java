package dev.farthing.compliance.monitoring;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The thresholds of every scenario, versioned: each alert names the version it was raised under, so a change of
 * rules is visible in the cases and a back-test can replay the ledger under another version. Amounts are in major
 * units of the movement's currency (the monitor scales them by the currency's minor units); counts are movements.
 *
 * @param reportThreshold       the reporting threshold (FinCEN's CTR: more than 10,000) for structuring and cash totals
 * @param structuringFloorPercent a movement is "just under" when it is at least this percent of the threshold
 * @param cashAccountPrefixes   counterparties whose movements count as cash (besides settlement accounts)
 */
public record MonitoringRules(String version,
                              long reportThreshold, int structuringFloorPercent, int structuringCount, Duration structuringWindow,
                              Duration rapidWindow, long rapidMinimum, int rapidOutPercent,
                              Duration fanWindow, int fanDistinct, long fanMinimum,
                              Duration velocityWindow, int velocityCount, long velocityMinimum,
                              Duration dormantAfter, long dormantMinimum,
                              long roundUnit, int roundCount, Duration roundWindow,
                              List<String> cashAccountPrefixes,
                              int maxAccounts, int maxMovementsPerAccount, int maxPendingHolds) {

    public MonitoringRules {
        Objects.requireNonNull(version, "version");
        cashAccountPrefixes = List.copyOf(cashAccountPrefixes);
        positive(reportThreshold, "reportThreshold");
        if (structuringFloorPercent < 1 || structuringFloorPercent > 99) {
            throw new IllegalArgumentException("structuringFloorPercent is 1..99, not " + structuringFloorPercent);
        }
        if (rapidOutPercent < 1 || rapidOutPercent > 100) {
            throw new IllegalArgumentException("rapidOutPercent is 1..100, not " + rapidOutPercent);
        }
        for (long v : new long[] {structuringCount, rapidMinimum, fanDistinct, fanMinimum, velocityCount, velocityMinimum,
                dormantMinimum, roundUnit, roundCount, maxAccounts, maxMovementsPerAccount, maxPendingHolds}) {
            positive(v, "every count and amount");
        }
        for (Duration d : new Duration[] {structuringWindow, rapidWindow, fanWindow, velocityWindow, dormantAfter, roundWindow}) {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("every window is positive");
        }
    }

    /**
     * The shipped rules ({@code aml-1}). Chosen from typology guidance (FATF, FinCEN), not tuned on the evaluation
     * traffic: structuring 3 movements of 90..100% of 10,000 in 7 days; pass-through of at least 90% of at least
     * 1,000 received within 1 h; fan-in/out 10 distinct counterparties and 2,000 in 48 h; velocity 30 payments and
     * 1,000 out in 1 h; dormant 180 days then 1,000; 4 round movements of a multiple of 1,000 in 7 days;
     * cash over 10,000 a day.
     */
    public static MonitoringRules defaults() {
        return new MonitoringRules("aml-1",
                10_000, 90, 3, Duration.ofDays(7),
                Duration.ofHours(1), 1_000, 90,
                Duration.ofHours(48), 10, 2_000,
                Duration.ofHours(1), 30, 1_000,
                Duration.ofDays(180), 1_000,
                1_000, 4, Duration.ofDays(7),
                List.of("sys.settlement."),
                200_000, 256, 100_000);
    }

    /** The longest window any scenario looks back over: older movements are dropped. */
    public Duration longestWindow() {
        Duration d = structuringWindow;
        for (Duration w : List.of(rapidWindow, fanWindow, velocityWindow, roundWindow)) {
            if (w.compareTo(d) > 0) d = w;
        }
        return d;
    }

    private static void positive(long v, String what) {
        if (v <= 0) throw new IllegalArgumentException(what + " must be positive");
    }
}
