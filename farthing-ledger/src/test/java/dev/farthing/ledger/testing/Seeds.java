package dev.farthing.ledger.testing;

import java.security.SecureRandom;

/**
 * Seeds for randomised tests. Every run prints its seed; {@code -Dfarthing.seed=N} replays a run exactly
 * (a test that draws several sub-seeds derives them all from this one).
 */
public final class Seeds {
    public static final String PROPERTY = "farthing.seed";

    private Seeds() {
    }

    public static long seed(String test) {
        String fixed = System.getProperty(PROPERTY);
        long seed = fixed != null && !fixed.isBlank() ? Long.parseLong(fixed.trim()) : new SecureRandom().nextLong();
        System.out.println(test + ": seed=" + seed + "   (replay with -D" + PROPERTY + "=" + seed + ")");
        return seed;
    }
}
