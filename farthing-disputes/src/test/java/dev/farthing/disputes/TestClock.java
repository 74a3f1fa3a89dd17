package dev.farthing.disputes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves: the ledger's time, and so every deadline, follows it. */
public final class TestClock extends Clock {
    private volatile long nanos;

    public TestClock(long startNanos) {
        this.nanos = startNanos;
    }

    public void set(long n) {
        if (n > nanos) nanos = n;
    }

    public void advanceDays(double days) {
        nanos += (long) (days * 86_400e9);
    }

    public long nanos() {
        return nanos;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }
}
