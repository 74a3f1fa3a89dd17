package dev.farthing.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One stretch of load (a warm-up or a measured run): a payment budget and a deadline that every client
 * checks before sending, plus what came back. Latency is per request (HTTP, PostgreSQL transaction) or per
 * batch (in-process), recorded in nanoseconds from send to acknowledgement.
 */
public final class Phase {
    private final AtomicLong paymentsLeft;
    private final long deadlineNanos;
    private final long startNanos = System.nanoTime();
    private final AtomicLong lastAckNanos = new AtomicLong(startNanos);
    private final Histogram latency = new ConcurrentHistogram(3);
    private final LongAdder transfersAcked = new LongAdder();
    private final LongAdder amountAcked = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    public Phase(long paymentBudget, double seconds) {
        this.paymentsLeft = new AtomicLong(paymentBudget);
        this.deadlineNanos = startNanos + (long) (seconds * 1e9);
    }

    /**
     * Reserves up to {@code wanted} payments; 0 means the phase is over (budget spent or deadline passed).
     * Clients call it before building each request, so a run never sends more than its budget.
     */
    public int claim(int wanted) {
        if (System.nanoTime() >= deadlineNanos) {
            return 0;
        }
        while (true) {
            long left = paymentsLeft.get();
            if (left <= 0) {
                return 0;
            }
            int granted = (int) Math.min(wanted, left);
            if (paymentsLeft.compareAndSet(left, left - granted)) {
                return granted;
            }
        }
    }

    /**
     * Records one answered request (exactly one call per request): its latency and what it committed, which
     * is zero for a refused request. Refusals are reported separately with {@link #failed}.
     */
    public void answered(long sentNanos, int transfers, long amount) {
        long now = System.nanoTime();
        latency.recordValue(Math.max(1, now - sentNanos));
        transfersAcked.add(transfers);
        amountAcked.add(amount);
        requests.increment();
        lastAckNanos.accumulateAndGet(now, Math::max);
    }

    /** Records transfers refused or lost by a request; the run still finishes, but its result is marked failed. */
    public void failed(String why, int transfers) {
        failures.add(transfers);
        firstFailure.compareAndSet(null, why);
    }

    public long transfersAcked() {
        return transfersAcked.sum();
    }

    public long amountAcked() {
        return amountAcked.sum();
    }

    public long failures() {
        return failures.sum();
    }

    public String firstFailure() {
        return firstFailure.get();
    }

    /** Result of a measured phase; throughput is acknowledged transfers over first send to last ack. */
    public BenchResult result(Workload workload, Mode mode, int run, String settings) {
        double seconds = Math.max(1e-9, (lastAckNanos.get() - startNanos) / 1e9);
        long acked = transfersAcked.sum();
        return new BenchResult(workload, mode, run, acked, requests.sum(), failures.sum(), seconds,
                acked / seconds, micros(50), micros(99), micros(99.9), micros(100), settings, firstFailure.get());
    }

    private double micros(double percentile) {
        if (latency.getTotalCount() == 0) {
            return 0;
        }
        long nanos = percentile >= 100 ? latency.getMaxValue() : latency.getValueAtPercentile(percentile);
        return nanos / (double) TimeUnit.MICROSECONDS.toNanos(1);
    }
}
