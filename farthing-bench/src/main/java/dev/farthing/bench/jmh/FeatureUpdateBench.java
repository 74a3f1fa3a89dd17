package dev.farthing.bench.jmh;

import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.features.FeatureConfig;
import dev.farthing.risk.features.FeatureVector;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentContext.Geo;
import dev.farthing.contracts.payment.PaymentContext.Telemetry;
import dev.farthing.contracts.payment.PaymentRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The feature engine's per-payment work on the risk writer thread: {@code extract} (the features of a payment)
 * then {@code record} (learn from it), over a warmed population of {@code payers} payers paying 2,000 payees
 * from shared devices, IPs and cards, one payment per simulated millisecond. Baseline in the same run: the
 * cheapest possible per-payer state, one HashMap lookup and counter increment. Scores are ns per payment.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class FeatureUpdateBench {
    private static final long MS = 1_000_000L;
    private static final int PAYMENTS = 1 << 14;

    @Param({"20000"})
    public int payers;

    private DefaultFeatureEngine engine;
    private PaymentRequest[] payments;
    private final Map<String, long[]> baselineCounts = new HashMap<>();
    private long now;
    private int next;

    @Setup
    public void setup() {
        Random r = new Random(7);
        payments = new PaymentRequest[PAYMENTS];
        now = 1_800_000_000_000L * MS;
        for (int i = 0; i < PAYMENTS; i++) {
            payments[i] = payment(r, i);
        }
        engine = new DefaultFeatureEngine(FeatureConfig.defaults());
        for (int i = 0; i < 4 * PAYMENTS; i++) { // warm the state: every payer, device and IP is known
            PaymentRequest p = payments[i % PAYMENTS];
            engine.record(p, now, true);
            baselineCounts.computeIfAbsent(p.payer(), k -> new long[1])[0]++;
            now += MS;
        }
    }

    private PaymentRequest payment(Random r, int i) {
        int payer = r.nextInt(payers);
        long at = now + i * MS;
        Telemetry telemetry = new Telemetry(new int[] {90 + r.nextInt(200), 150, 110 + r.nextInt(90), 130},
                r.nextInt(40), r.nextDouble(), r.nextDouble() / 20);
        PaymentContext context = new PaymentContext("dev-" + payer % 15_000, "ip-" + payer % 9_000, "FR",
                new Geo(48 + r.nextDouble(), 2 + r.nextDouble()), "ua", "s-" + i, "article-" + r.nextInt(5_000),
                at - r.nextInt(600_000) * MS, r.nextInt(3) == 0 ? "card-" + payer % 12_000 : null,
                at - 86_400_000L * MS * r.nextInt(400), telemetry);
        return new PaymentRequest("p-" + i, "user-" + payer, "creator-" + r.nextInt(2_000), 1 + r.nextInt(300),
                "EUR", null, context);
    }

    private PaymentRequest nextPayment() {
        now += MS;
        return payments[next++ & (PAYMENTS - 1)];
    }

    @Benchmark
    public long baselineHashMapCount() {
        PaymentRequest p = nextPayment();
        return ++baselineCounts.computeIfAbsent(p.payer(), k -> new long[1])[0];
    }

    @Benchmark
    public FeatureVector extract() {
        return engine.extract(nextPayment(), now);
    }

    @Benchmark
    public FeatureVector extractAndRecord() {
        PaymentRequest p = nextPayment();
        FeatureVector v = engine.extract(p, now);
        engine.record(p, now, true);
        return v;
    }
}
