package dev.farthing.ledger.engine;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A bounded hand-off between two stages; a full queue slows the producer (backpressure), never drops. */
final class StageQueue<T> {
    private final ArrayBlockingQueue<T> queue;
    private final BooleanSupplier failed;

    StageQueue(int capacity, BooleanSupplier failed) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.failed = failed;
    }

    void put(T item) {
        try {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (failed.getAsBoolean()) {
                    throw new IllegalStateException("ledger failed while handing off work");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits up to {@code timeoutMs} for one item, then takes up to {@code max - 1} more without waiting. */
    int takeSome(List<T> into, int max, long timeoutMs) throws InterruptedException {
        T first = queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (first == null) {
            return 0;
        }
        into.add(first);
        return 1 + queue.drainTo(into, max - 1);
    }

    boolean offer(T item) {
        return queue.offer(item);
    }

    T poll(long timeoutMs) throws InterruptedException {
        return queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    T peek() {
        return queue.peek();
    }

    T poll() {
        return queue.poll();
    }

    void drainTo(List<T> into) {
        queue.drainTo(into);
    }
}
