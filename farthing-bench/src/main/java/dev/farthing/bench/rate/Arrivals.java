package dev.farthing.bench.rate;

import dev.farthing.bench.payments.LatencyRecorder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the open-loop schedule puts due times for targets that answer synchronously (an HTTP connection, a channel
 * redeemed claim by claim): one worker per connection or channel takes the next due time and serves it. A busy system
 * makes due times wait in the queue, and that wait is measured, since latency runs from the intended time.
 */
final class Arrivals implements AutoCloseable {
    private static final long STOP = Long.MIN_VALUE;

    /** Serves one arrival synchronously; records its own outcome. */
    interface Worker extends AutoCloseable {
        void serve(long intendedNanos, LatencyRecorder recorder) throws Exception;

        @Override
        default void close() {
        }
    }

    private final BlockingQueue<Long> due;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong outstanding = new AtomicLong();
    private volatile LatencyRecorder recorder;

    /**
     * {@code backlog}: arrivals that may wait for a worker; beyond it the system is saturated and further arrivals
     * count as failures ("backlog full"), so an overloaded run ends in bounded time and says so.
     */
    Arrivals(List<? extends Worker> workers, boolean virtual, int backlog) {
        this.due = new ArrayBlockingQueue<>(Math.max(1, backlog));
        for (int i = 0; i < workers.size(); i++) {
            Worker w = workers.get(i);
            Runnable loop = () -> work(w);
            threads.add(virtual ? Thread.ofVirtual().name("rate-" + i).start(loop)
                    : Thread.ofPlatform().daemon().name("rate-" + i).start(loop));
        }
    }

    private void work(Worker worker) {
        try (worker) {
            while (true) {
                long intended = due.take();
                if (intended == STOP) {
                    return;
                }
                try {
                    worker.serve(intended, recorder);
                } catch (Exception e) {
                    recorder.failed(intended, e.toString());
                }
                outstanding.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void send(long intendedNanos, LatencyRecorder into) {
        recorder = into;
        outstanding.incrementAndGet();
        if (!due.offer(intendedNanos)) {
            outstanding.decrementAndGet();
            into.failed(intendedNanos, "backlog full: arrivals outran the system (saturated)");
        }
    }

    void drain() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (outstanding.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(outstanding.get() + " arrivals still unanswered after 60 s");
            }
            Thread.sleep(1);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = 0; i < threads.size(); i++) {
            due.offer(STOP);
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(5));
        }
    }
}
