package dev.farthing.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What to simulate: the seed (everything follows from it), how many people, over what window, in which
 * currency and at what scale (USD at scale 4 counts hundredths of a cent, so sub-cent prices are whole units),
 * how much attack traffic relative to the default mix ({@code attackScale} 0 gives legitimate traffic only), and
 * how long a warm-up of legitimate traffic only precedes the window: in production the feature engine has seen
 * people before, so an evaluation should not start from an empty memory (the warm-up is not scored).
 */
public record SimulationConfig(long seed, int users, Instant start, Duration duration, String currency, int scale,
                               double attackScale, Duration warmup) {
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");
    public static final int MAX_USERS = 1_000_000;

    public SimulationConfig {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(warmup, "warmup");
        if (warmup.isNegative() || warmup.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("warmup must be 0 .. 7 days: " + warmup);
        }
        if (users < 10 || users > MAX_USERS) {
            throw new IllegalArgumentException("users must be 10.." + MAX_USERS + ": " + users);
        }
        if (duration.compareTo(Duration.ofMinutes(10)) < 0 || duration.compareTo(Duration.ofDays(31)) > 0) {
            throw new IllegalArgumentException("duration must be 10 minutes .. 31 days: " + duration);
        }
        if (scale < 2 || scale > 9) {
            throw new IllegalArgumentException("scale must be 2..9 (prices go down to a hundredth of a cent): " + scale);
        }
        if (!(attackScale >= 0 && attackScale <= 10)) {
            throw new IllegalArgumentException("attackScale must be 0..10: " + attackScale);
        }
    }

    public SimulationConfig withUsers(int newUsers) {
        return new SimulationConfig(seed, newUsers, start, duration, currency, scale, attackScale, warmup);
    }

    /** Legitimate traffic before the window in evaluations and training, so feature state is warm. */
    public static final Duration DEFAULT_WARMUP = Duration.ofHours(12);

    /** A day of traffic for {@code users} people in USD at scale 4, the default attack mix and warm-up. */
    public static SimulationConfig of(long seed, int users) {
        return new SimulationConfig(seed, users, DEFAULT_START, Duration.ofHours(24), "USD", 4, 1.0, DEFAULT_WARMUP);
    }

    public SimulationConfig withWarmup(Duration newWarmup) {
        return new SimulationConfig(seed, users, start, duration, currency, scale, attackScale, newWarmup);
    }

    /** Where traffic begins: the warm-up's start (the window's start when there is none). */
    public long warmupStartNanos() {
        return Math.subtractExact(startNanos(), warmup.toNanos());
    }

    public long startNanos() {
        return start.getEpochSecond() * 1_000_000_000L + start.getNano();
    }

    public long endNanos() {
        return Math.addExact(startNanos(), duration.toNanos());
    }
}
