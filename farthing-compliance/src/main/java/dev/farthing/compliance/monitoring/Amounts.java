package dev.farthing.compliance.monitoring;

import java.math.BigDecimal;
import java.util.Locale;

/** Money arithmetic for signals: sums saturate (an overflowing sum is just "very large"), amounts print exactly. */
final class Amounts {
    private Amounts() {
    }

    static long plus(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    /** 10^scale, exactly. */
    static long unit(int scale) {
        long u = 1;
        for (int i = 0; i < scale; i++) u = Math.multiplyExact(u, 10);
        return u;
    }

    /** "9,500.00 USD" for 950000 at scale 2. */
    static String format(long minor, int scale, String currency) {
        return String.format(Locale.ROOT, "%,." + scale + "f", BigDecimal.valueOf(minor, scale)) + " " + currency;
    }

    static String duration(long ns) {
        long minutes = ns / 60_000_000_000L;
        if (minutes < 120) return minutes + " min";
        long hours = minutes / 60;
        return hours < 72 ? hours + " h" : hours / 24 + " days";
    }
}
