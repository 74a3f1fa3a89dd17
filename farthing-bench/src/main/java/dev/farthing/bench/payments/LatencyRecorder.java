package dev.farthing.bench.payments;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latency from each payment's <em>intended</em> send time (open loop: a late sender counts against the system,
 * no coordinated omission) to its answer, in an HdrHistogram; answers counted by outcome.
 */
public final class LatencyRecorder {
    private final Histogram latency = new ConcurrentHistogram(3);
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final LongAdder failures = new LongAdder();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private volatile long startNanos = System.nanoTime();
    private final AtomicLong lastNanos = new AtomicLong(startNanos);

    /** Forgets everything recorded and starts the clock for the achieved rate again (after a warm-up). */
    public void restart() {
        latency.reset();
        outcomes.clear();
        failures.reset();
        firstFailure.set(null);
        startNanos = System.nanoTime();
        lastNanos.set(startNanos);
    }

    public long achievedPerSecond() {
        double seconds = Math.max(1e-9, (lastNanos.get() - startNanos) / 1e9);
        return Math.round(latency.getTotalCount() / seconds);
    }

    public long failureCount() {
        return failures.sum();
    }

    public void answered(long intendedNanos, String outcome) {
        long now = System.nanoTime();
        latency.recordValue(Math.max(1, now - intendedNanos));
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        lastNanos.accumulateAndGet(now, Math::max);
    }

    public void failed(long intendedNanos, String why) {
        failures.increment();
        firstFailure.compareAndSet(null, why);
        answered(intendedNanos, "failed");
    }

    /** One JSON line: mode, offered rate, achieved rate, percentiles in µs, outcomes, failures. */
    public String line(String mode, double offeredPerS, String settings) {
        double seconds = Math.max(1e-9, (lastNanos.get() - startNanos) / 1e9);
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((k, v) -> counts.put(k, v.sum()));
        StringBuilder out = new StringBuilder(256);
        out.append("{\"mode\":\"").append(mode).append('"')
                .append(",\"offered_per_s\":").append(Math.round(offeredPerS))
                .append(",\"achieved_per_s\":").append(Math.round(latency.getTotalCount() / seconds))
                .append(",\"p50_us\":").append(us(50)).append(",\"p99_us\":").append(us(99))
                .append(",\"p999_us\":").append(us(99.9)).append(",\"max_us\":").append(us(100))
                .append(",\"payments\":").append(latency.getTotalCount())
                .append(",\"outcomes\":{");
        String sep = "";
        for (var e : counts.entrySet()) {
            out.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue());
            sep = ",";
        }
        out.append("},\"failures\":").append(failures.sum())
                .append(",\"settings\":\"").append(settings).append('"');
        if (firstFailure.get() != null) {
            out.append(",\"first_failure\":\"").append(firstFailure.get().replace("\"", "'")).append('"');
        }
        return out.append('}').toString();
    }

    public long percentileNanos(double percentile) {
        return percentile >= 100 ? latency.getMaxValue() : latency.getValueAtPercentile(percentile);
    }

    private String us(double percentile) {
        long n = percentile >= 100 ? latency.getMaxValue() : latency.getValueAtPercentile(percentile);
        return String.format(java.util.Locale.ROOT, "%.1f", n / 1000.0);
    }
}
