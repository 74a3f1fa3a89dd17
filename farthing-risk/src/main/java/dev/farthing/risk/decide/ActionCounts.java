package dev.farthing.risk.decide;

import dev.farthing.risk.policy.Action;

/** How many payments got each action; mutable while a backtest runs, read-only in its report. */
public final class ActionCounts {
    private final long[] counts = new long[Action.values().length];

    void add(Action action) {
        counts[action.ordinal()]++;
    }

    public long get(Action action) {
        return counts[action.ordinal()];
    }

    public long total() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    /** Share of payments stopped or slowed: challenged, held for review or declined. */
    public double caughtRate() {
        return rate(total() - get(Action.APPROVE));
    }

    public double declineRate() {
        return rate(get(Action.DECLINE));
    }

    /** Share of payments challenged or held for review (friction short of a decline). */
    public double frictionRate() {
        return rate(get(Action.CHALLENGE) + get(Action.REVIEW));
    }

    private double rate(long n) {
        long total = total();
        return total == 0 ? Double.NaN : (double) n / total;
    }
}
