package dev.farthing.bench;

import java.util.Locale;

/**
 * What the payments look like.
 *
 * <ul>
 *   <li>{@link #UNIFORM}: one transfer per payment, a random wallet pays a random merchant (seeded), so load
 *       spreads over every account.</li>
 *   <li>{@link #HOT}: two transfers per payment, committed together: the wallet pays the ONE creator account,
 *       and a linked fee leg pays the ONE platform fee account. Every payment touches the same two accounts,
 *       which is where row-locking databases serialise.</li>
 * </ul>
 */
public enum Workload {
    UNIFORM(1), HOT(2);

    private final int legs;

    Workload(int legs) {
        this.legs = legs;
    }

    /** Transfers per payment. Throughput is always counted in transfers, never payments. */
    public int legs() {
        return legs;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Workload fromWire(String s) {
        for (Workload w : values()) {
            if (w.wire().equals(s)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + s + "' (uniform, hot or all)");
    }
}
