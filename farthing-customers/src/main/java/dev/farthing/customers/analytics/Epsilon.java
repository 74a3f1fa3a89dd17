package dev.farthing.customers.analytics;

import java.math.BigDecimal;

/** Epsilon as exact micro-units (10⁻⁶): budgets add and compare as longs, and noise scales stay rational. */
public final class Epsilon {
    public static final long MICROS = 1_000_000;

    private Epsilon() {
    }

    /** {@code 0.5} → 500000; more than six decimals, zero or negative is refused. */
    public static long micros(BigDecimal epsilon) {
        BigDecimal m = epsilon.movePointRight(6);
        if (m.signum() <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        try {
            return m.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("must have at most six decimals and be below " + Long.MAX_VALUE / MICROS);
        }
    }

    public static String format(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }
}
