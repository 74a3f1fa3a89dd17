package dev.farthing.ledger.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock the test moves: {@link #advanceNanos} jumps it, and every reading steps it forward by
 * {@code stepNanos} (0 = fixed), the way a real clock creeps between batches.
 */
public final class TestClock extends Clock {
    private final AtomicLong nanos;
    private volatile long stepNanos;

    public TestClock(Instant start, long stepNanos) {
        this.nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
        this.stepNanos = stepNanos;
    }

    /** The current reading in epoch nanoseconds, without stepping. */
    public long nanos() {
        return nanos.get();
    }

    /** How far each reading moves the clock on; 0 freezes it. */
    public void step(long nanos) {
        stepNanos = nanos;
    }

    public void advanceNanos(long delta) {
        nanos.addAndGet(delta);
    }

    @Override
    public Instant instant() {
        long n = nanos.getAndAdd(stepNanos);
        return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
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
