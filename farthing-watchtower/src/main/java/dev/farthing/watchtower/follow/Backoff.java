package dev.farthing.watchtower.follow;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter, capped, so retries neither hammer the engine nor sleep too long. */
final class Backoff {
    private final long baseMs;
    private final long capMs;
    private int attempt;

    Backoff(Duration base, Duration cap) {
        this.baseMs = Math.max(1, base.toMillis());
        this.capMs = Math.max(baseMs, cap.toMillis());
    }

    Duration next() {
        long ceiling = Math.min(capMs, baseMs << Math.min(attempt, 20));
        attempt++;
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    void reset() {
        attempt = 0;
    }
}
