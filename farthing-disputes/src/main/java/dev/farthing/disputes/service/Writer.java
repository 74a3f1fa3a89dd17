package dev.farthing.disputes.service;

import dev.farthing.disputes.model.DisputeError;
import dev.farthing.disputes.model.DisputeException;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The single writer: one thread applies every change, from a bounded queue (full: {@code disputes_unavailable});
 * and a ticker thread that applies deadlines. A change on the writer must not call back into the writer.
 */
final class Writer implements AutoCloseable {
    static final int QUEUE = 1024;
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), r -> Thread.ofPlatform().name("disputes-writer").daemon().unstarted(r));
    private final Runnable tick;
    private final long tickMillis;
    private ScheduledExecutorService ticker;

    Writer(Runnable tick, long tickMillis) {
        this.tick = tick;
        this.tickMillis = tickMillis;
    }

    void start() {
        if (tickMillis > 0) {
            ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().name("disputes-deadlines").daemon().unstarted(r));
            ticker.scheduleWithFixedDelay(tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        }
    }

    <T> T call(Callable<T> change) {
        if (Thread.currentThread().getName().equals("disputes-writer")) {
            throw new IllegalStateException("a change on the writer called the writer");
        }
        Future<T> f;
        try {
            f = thread.submit(change);
        } catch (RejectedExecutionException e) {
            throw new DisputeException(DisputeError.UNAVAILABLE, "the dispute service is busy or stopping; retry shortly");
        }
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new DisputeException(DisputeError.UNAVAILABLE, "the dispute service did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DisputeException(DisputeError.UNAVAILABLE, "interrupted");
        }
    }

    @Override
    public void close() {
        if (ticker != null) ticker.shutdownNow();
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
