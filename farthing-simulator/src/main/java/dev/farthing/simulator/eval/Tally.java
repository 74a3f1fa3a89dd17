package dev.farthing.simulator.eval;

import dev.farthing.risk.policy.Action;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts of decisions for one scenario or campaign, with the reason codes that fired most. */
public final class Tally {
    private final long[] byAction = new long[Action.values().length];
    private final Map<String, Long> reasons = new HashMap<>();
    private long total;
    private long firstFlagged = -1;

    public void add(Action action, List<String> reasonCodes) {
        total++;
        byAction[action.ordinal()]++;
        if (action != Action.APPROVE) {
            if (firstFlagged < 0) {
                firstFlagged = total;
            }
            for (String code : reasonCodes) {
                reasons.merge(code, 1L, Long::sum);
            }
        }
    }

    public long total() {
        return total;
    }

    public long count(Action action) {
        return byAction[action.ordinal()];
    }

    /** Declined, challenged or held. */
    public long flagged() {
        return total - count(Action.APPROVE);
    }

    public double share(long n) {
        return total == 0 ? 0 : (double) n / total;
    }

    /** 1-based index of the first flagged payment, or -1 when none was flagged. */
    public long firstFlagged() {
        return firstFlagged;
    }

    /** The reason codes that flagged these payments, most frequent first. */
    public List<Map.Entry<String, Long>> topReasons(int n) {
        return reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).toList();
    }
}
