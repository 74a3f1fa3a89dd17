package dev.farthing.bench.payments;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Counts payments sent but not yet answered, so a phase can wait for all of its answers. */
final class Outstanding {
    private static final long DRAIN_TIMEOUT_S = 60;
    private final AtomicLong count = new AtomicLong();

    void sent() {
        count.incrementAndGet();
    }

    void answered() {
        count.decrementAndGet();
    }

    void await() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_TIMEOUT_S);
        while (count.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(count.get() + " payments still unanswered after " + DRAIN_TIMEOUT_S + " s");
            }
            Thread.sleep(1);
        }
    }
}
