package dev.farthing.customers.analytics;

import java.math.BigDecimal;

/**
 * The privacy parameters, with safe defaults. {@code budgetMicros}: each analyst's lifetime epsilon (default 10);
 * a query asks for {@code minEpsilonMicros..maxEpsilonMicros} (0.01..2). Each subject's contribution is bounded
 * before any noise: at most {@code maxRowsPerSubject} payments (default 5, chosen at random among theirs) and each
 * amount clipped to {@code clipMajorUnits} major units of its currency (default 10). {@code delta} (default 10⁻⁹)
 * is the chance per query that a group backed by a single subject is released at all; it sets the release threshold.
 */
public record AnalyticsConfig(long budgetMicros, long minEpsilonMicros, long maxEpsilonMicros, int maxRowsPerSubject,
                              long clipMajorUnits, double delta) {
    public static final AnalyticsConfig DEFAULTS = new AnalyticsConfig(10 * Epsilon.MICROS, 10_000, 2 * Epsilon.MICROS,
            5, 10, 1e-9);

    public AnalyticsConfig {
        if (budgetMicros <= 0 || minEpsilonMicros <= 0 || maxEpsilonMicros < minEpsilonMicros) {
            throw new IllegalArgumentException("budget and epsilon bounds must be positive with min ≤ max");
        }
        if (maxRowsPerSubject < 1 || clipMajorUnits < 1) {
            throw new IllegalArgumentException("max rows per subject and the clip must be at least 1");
        }
        if (!(delta > 0 && delta < 1e-3)) {
            throw new IllegalArgumentException("delta must be in (0, 0.001), not " + delta);
        }
    }

    /**
     * The defaults, overridden by {@code -Dfarthing.analytics.budget=EPS}, {@code .maxEpsilon=EPS},
     * {@code .maxRowsPerSubject=N}, {@code .clip=MAJOR_UNITS} and {@code .delta=D}.
     */
    public static AnalyticsConfig fromSystemProperties() {
        AnalyticsConfig d = DEFAULTS;
        return new AnalyticsConfig(micros("farthing.analytics.budget", d.budgetMicros), d.minEpsilonMicros,
                micros("farthing.analytics.maxEpsilon", d.maxEpsilonMicros),
                Integer.getInteger("farthing.analytics.maxRowsPerSubject", d.maxRowsPerSubject),
                Long.getLong("farthing.analytics.clip", d.clipMajorUnits),
                Double.parseDouble(System.getProperty("farthing.analytics.delta", Double.toString(d.delta))));
    }

    private static long micros(String property, long fallback) {
        String v = System.getProperty(property);
        return v == null ? fallback : Epsilon.micros(new BigDecimal(v.trim()));
    }

    /** The clip in minor units of a currency with {@code scale} decimals. */
    public long clipMinor(int scale) {
        long clip = clipMajorUnits;
        for (int i = 0; i < scale; i++) {
            clip = Math.multiplyExact(clip, 10L);
        }
        return clip;
    }
}
