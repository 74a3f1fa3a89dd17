package dev.farthing.settlement.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Provider network calls, off the writer thread. The writer {@link #dispatch}es a call only when
 * {@link #hasRoom} says so (at most {@code threads} in flight, {@code perProvider} at one provider: that is the
 * back-pressure, so the pool's bounded queue never refuses); a pool thread makes the call and hands the answer back
 * to the writer, which applies it. If no answer comes within {@code callTimeout}, the writer is given
 * {@code onTimeout}'s answer instead and the late one is dropped; the slot stays taken until the thread returns, so
 * a hung provider can hold only its own slots. The slot counts are the writer's alone (no locks).
 */
final class ProviderCalls implements AutoCloseable {
    /** What the writer is told: the answer and how long it took. */
    interface Answer<T> {
        void apply(T answer, long millis);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCalls.class);
    private final ProviderCallLimits limits;
    private final Executor writer;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService deadlines;
    private final Map<String, Integer> inFlightAt = new HashMap<>();
    /** Calls past their timeout whose thread has not come back yet, per provider: that provider is hung. */
    private final Map<String, Integer> overdueAt = new HashMap<>();
    private int inFlight;
    private Runnable onChange = () -> { };

    ProviderCalls(ProviderCallLimits limits, Executor writer) {
        this.limits = limits;
        this.writer = writer;
        this.pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.threads()), Thread.ofPlatform().name("settlement-provider-", 0).daemon()
                .factory(), new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                .name("settlement-deadlines").daemon().unstarted(r));
    }

    /** Run on the writer whenever a slot frees up or a call times out (to send, or re-route, what waited). */
    void onChange(Runnable r) {
        this.onChange = r;
    }

    /** Providers with calls past their timeout still out, and why: routing skips them until those threads return. */
    Map<String, String> hung() {
        if (overdueAt.isEmpty()) return Map.of();
        Map<String, String> out = new HashMap<>();
        overdueAt.forEach((p, n) -> out.put(p, n + " call(s) past the " + limits.callTimeout() + " timeout still out"));
        return out;
    }

    boolean hasRoom(String provider) {
        return inFlight < limits.threads() && inFlightAt.getOrDefault(provider, 0) < limits.perProvider();
    }

    int inFlight() {
        return inFlight;
    }

    /**
     * Calls {@code call} on a pool thread; exactly one of its answer (a throw becomes {@code onError}'s) or, after
     * {@code callTimeout}, {@code onTimeout}'s is given to {@code then}, on the writer thread.
     */
    <T> void dispatch(String provider, Supplier<T> call, Function<RuntimeException, T> onError, Supplier<T> onTimeout,
                      Answer<T> then) {
        if (!hasRoom(provider)) throw new IllegalStateException("no room for a call to " + provider);
        inFlight++;
        inFlightAt.merge(provider, 1, Integer::sum);
        AtomicBoolean decided = new AtomicBoolean();
        boolean[] timedOutReturned = new boolean[2]; // the writer's alone: the two hand-backs may arrive in either order
        long t0 = System.nanoTime();
        long timeoutMillis = limits.callTimeout().toMillis();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            if (decided.compareAndSet(false, true)) {
                onWriter(() -> {
                    if (!timedOutReturned[1]) {
                        timedOutReturned[0] = true;
                        overdueAt.merge(provider, 1, Integer::sum);
                    }
                    then.apply(onTimeout.get(), timeoutMillis);
                    onChange.run();
                });
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        try {
            pool.execute(() -> {
                T answer;
                try {
                    answer = call.get();
                } catch (RuntimeException e) {
                    answer = onError.apply(e);
                }
                T result = answer;
                long millis = (System.nanoTime() - t0) / 1_000_000;
                deadline.cancel(false);
                boolean first = decided.compareAndSet(false, true);
                onWriter(() -> {
                    release(provider);
                    timedOutReturned[1] = true;
                    if (first) {
                        then.apply(result, millis);
                    } else if (timedOutReturned[0] && overdueAt.merge(provider, -1, Integer::sum) == 0) {
                        overdueAt.remove(provider); // the late answer is dropped: the timeout's was applied
                    }
                    onChange.run();
                });
            });
        } catch (RejectedExecutionException e) {
            release(provider); // closing: nothing was sent; the durable state says what to redo on open
            deadline.cancel(false);
            throw new IllegalStateException("the provider pool is closed", e);
        }
    }

    private void release(String provider) {
        inFlight--;
        if (inFlightAt.merge(provider, -1, Integer::sum) == 0) inFlightAt.remove(provider);
        assert inFlight >= 0 : "more calls released than dispatched";
    }

    private void onWriter(Runnable r) {
        try {
            writer.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.warn("applying a provider answer failed; the next tick resumes from the log: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("settlement closed before a provider answer was applied; it is asked again on open");
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
