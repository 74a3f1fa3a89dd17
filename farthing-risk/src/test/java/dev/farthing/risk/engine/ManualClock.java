package dev.farthing.risk.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand; every reading is the same until {@link #advanceSeconds}. */
final class ManualClock extends Clock {
    private final AtomicLong nanos = new AtomicLong(1_767_225_600_000_000_000L); // 2026-01-01T00:00:00Z

    void advanceSeconds(long s) {
        nanos.addAndGet(s * 1_000_000_000L);
    }

    @Override
    public Instant instant() {
        long n = nanos.get();
        return Instant.ofEpochSecond(n / 1_000_000_000L, n % 1_000_000_000L);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
