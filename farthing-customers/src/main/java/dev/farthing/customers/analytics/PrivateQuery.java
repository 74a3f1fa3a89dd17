package dev.farthing.customers.analytics;

import dev.farthing.customers.analytics.AnalyticsQuery.Metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs one query over payment facts. First each subject's contribution is bounded: at most {@code m} of their
 * payments (a uniform random choice), each amount clipped to {@code [1, C]}; so adding or removing one subject changes
 * the vector of group counts by at most {@code m} in L1, the vector of sums by at most {@code m·C}, and a
 * (group × bucket) histogram by at most {@code m}. Then discrete Laplace noise of scale sensitivity/epsilon goes on
 * every cell. Which groups exist is itself private (a creator paid by one person), so a group is released only when
 * its noisy count reaches a threshold τ chosen so that a group backed by a single subject (count ≤ m) shows up with
 * probability at most δ (Korolova et al. 2009; Wilson et al. 2020). Money metrics split epsilon in half: the count
 * (release and denominator) and the value.
 */
final class PrivateQuery {
    private final AnalyticsQuery query;
    private final int m;
    private final long clip;
    private final double delta;
    private final RandomGenerator random;
    private final long[] bounds;

    PrivateQuery(AnalyticsQuery query, AnalyticsConfig config, long clipMinor, RandomGenerator random) {
        this.query = query;
        this.m = config.maxRowsPerSubject();
        this.clip = clipMinor;
        this.delta = config.delta();
        this.random = random;
        this.bounds = Buckets.upperBounds(clipMinor);
    }

    /** {@code facts} streams every fact once. */
    PrivateAnswer run(Consumer<Consumer<PaymentFact>> facts) {
        Map<String, Reservoir> bySubject = new HashMap<>();
        facts.accept(f -> {
            if (query.currency() == null || query.currency().equals(f.currency())) {
                bySubject.computeIfAbsent(f.subject(), s -> new Reservoir(m)).offer(f, random);
            }
        });
        Map<String, Cells> groups = new TreeMap<>();
        for (Reservoir r : bySubject.values()) {
            for (int i = 0; i < r.size; i++) {
                PaymentFact f = r.kept[i];
                groups.computeIfAbsent(query.groupBy().keyOf(f), k -> new Cells()).add(Math.min(f.amount(), clip));
            }
        }
        return release(groups);
    }

    private PrivateAnswer release(Map<String, Cells> groups) {
        boolean money = query.metric().isMoney();
        long countMicros = money ? query.epsilonMicros() / 2 : query.epsilonMicros();
        long valueMicros = query.epsilonMicros() - countMicros;
        DiscreteLaplace countNoise = new DiscreteLaplace(Math.multiplyExact(m, Epsilon.MICROS), countMicros, random);
        double countScale = (double) m * Epsilon.MICROS / countMicros;
        long threshold = threshold(countScale);
        long valueSensitivity = query.metric() == Metric.QUANTILE ? m : Math.multiplyExact(m, clip);
        DiscreteLaplace valueNoise = money
                ? new DiscreteLaplace(Math.multiplyExact(valueSensitivity, Epsilon.MICROS), valueMicros, random) : null;
        double valueScale = money ? (double) valueSensitivity * Epsilon.MICROS / valueMicros : 0;
        List<PrivateAnswer.Group> released = new ArrayList<>();
        for (Map.Entry<String, Cells> g : groups.entrySet()) {
            long noisyCount = Math.addExact(g.getValue().count, countNoise.sample());
            if (noisyCount < threshold) {
                continue;
            }
            long value = switch (query.metric()) {
                case COUNT -> noisyCount;
                case SUM -> Math.addExact(g.getValue().sum, valueNoise.sample());
                case MEAN -> mean(Math.addExact(g.getValue().sum, valueNoise.sample()), noisyCount);
                case QUANTILE -> quantile(g.getValue().buckets, valueNoise);
            };
            released.add(new PrivateAnswer.Group(g.getKey(), noisyCount, value));
        }
        return new PrivateAnswer(query, List.copyOf(released), m, money ? clip : 0, delta, threshold, countScale,
                valueScale, -1);
    }

    /**
     * The smallest τ with m·P(Z ≥ τ − m) ≤ δ for Z ~ DLap(b): with p = e^(−1/b), P(Z ≥ k) = p^k / (1 + p).
     * A public parameter, so floating point is harmless here.
     */
    long threshold(double b) {
        double p = Math.exp(-1 / b);
        return m + Math.max(1, (long) Math.ceil(b * Math.log(m / (delta * (1 + p)))));
    }

    /** Post-processing: clamped to the possible range [0, C] (the count is at least the threshold, so positive). */
    private long mean(long noisySum, long noisyCount) {
        long mean = Math.round((double) Math.max(0, noisySum) / noisyCount);
        return Math.min(mean, clip);
    }

    /** The bucket holding the quantile of the noisy histogram (every bucket noised, empty ones too), as its upper bound. */
    private long quantile(long[] buckets, DiscreteLaplace noise) {
        long[] noisy = new long[buckets.length];
        long total = 0;
        for (int i = 0; i < buckets.length; i++) {
            noisy[i] = Math.max(0, Math.addExact(buckets[i], noise.sample()));
            total = Math.addExact(total, noisy[i]);
        }
        long target = Math.ceilDiv(Math.multiplyExact(total, query.quantilePermille()), 1000);
        long cumulative = 0;
        for (int i = 0; i < noisy.length; i++) {
            cumulative += noisy[i];
            if (cumulative >= target && cumulative > 0) {
                return bounds[i];
            }
        }
        return bounds[bounds.length - 1];
    }

    /** One group's bounded rows: count, clipped sum and the amount histogram. */
    private final class Cells {
        long count;
        long sum;
        final long[] buckets = query.metric() == Metric.QUANTILE ? new long[bounds.length] : null;

        void add(long amount) {
            count++;
            sum = Math.addExact(sum, amount);
            if (buckets != null) {
                buckets[Buckets.indexOf(amount, bounds)]++;
            }
        }
    }

    /** At most {@code m} of one subject's facts, a uniform choice among all offered (reservoir sampling). */
    private static final class Reservoir {
        final PaymentFact[] kept;
        int size;
        long seen;

        Reservoir(int m) {
            kept = new PaymentFact[m];
        }

        void offer(PaymentFact f, RandomGenerator random) {
            seen++;
            if (size < kept.length) {
                kept[size++] = f;
            } else {
                long j = random.nextLong(seen);
                if (j < kept.length) {
                    kept[(int) j] = f;
                }
            }
        }
    }
}
