package dev.farthing.bench.jmh;

import dev.farthing.model.RiskModel;
import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.features.FeatureConfig;
import dev.farthing.risk.features.FeatureSchema;
import dev.farthing.risk.features.FeatureVector;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.policy.PolicyCompiler;
import dev.farthing.risk.policy.PolicyDecision;
import dev.farthing.risk.policy.PolicyInput;
import dev.farthing.risk.policy.PolicySet;
import dev.farthing.risk.policy.PolicyStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One policy evaluation on the decision path: the bundled default policy (every rule, CEL, one activation per
 * payment) over realistic feature vectors taken from a feature engine fed with 16k payments of 2,000 payers.
 * Baselines in the same run: the single rule as plain Java, and the same single rule through CEL.
 * Scores are ns per evaluated payment.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PolicyEvalBench {
    private static final long MS = 1_000_000L;
    private static final int INPUTS = 1 << 10;

    private PolicySet defaultPolicy;
    private PolicySet singleRule;
    private PolicyInput[] inputs;
    private int gapIndex;
    private int countIndex;
    private int next;

    @Setup
    public void setup() {
        FeatureSchema schema = DefaultFeatureEngine.defaultSchema();
        defaultPolicy = PolicyCompiler.compile(PolicyStore.defaultSource(), schema);
        singleRule = PolicyCompiler.compile("features.payer_gap_cv_1h < 0.05 && features.payer_count_1h > 30"
                + " => decline \"bot_regular_timing\"", schema);
        gapIndex = schema.indexOf("payer_gap_cv_1h");
        countIndex = schema.indexOf("payer_count_1h");
        inputs = realisticInputs();
    }

    private static PolicyInput[] realisticInputs() {
        Random r = new Random(11);
        DefaultFeatureEngine engine = new DefaultFeatureEngine(FeatureConfig.defaults());
        long now = 1_800_000_000_000L * MS;
        PolicyInput[] out = new PolicyInput[INPUTS];
        int total = 16 * INPUTS;
        for (int i = 0; i < total; i++) {
            now += 50 * MS;
            PaymentRequest p = payment(r, i, now);
            if (i >= total - INPUTS) {
                FeatureVector v = engine.extract(p, now);
                out[i - (total - INPUTS)] = new PolicyInput(p, v, new RiskModel.Scores(r.nextDouble() * 0.7,
                        r.nextDouble()), now);
            }
            engine.record(p, now, true);
        }
        return out;
    }

    static PaymentRequest payment(Random r, int i, long at) {
        int payer = r.nextInt(2_000);
        // Each payer stays near home (no impossible travel), pays from its own device and IP most of the time.
        PaymentContext ctx = new PaymentContext("dev-" + payer % 1_500, "ip-" + payer % 900, "FR",
                new PaymentContext.Geo(43 + payer % 7 + r.nextDouble() / 100, 2 + payer % 5), "ua", "s-" + i,
                "article-" + r.nextInt(500), at - r.nextInt(600_000) * MS,
                r.nextInt(3) == 0 ? "card-" + payer % 1_200 : null, at - 86_400_000L * MS * r.nextInt(400), null);
        return new PaymentRequest("p-" + i, "user-" + payer, "creator-" + r.nextInt(200), 1 + r.nextInt(300),
                "EUR", null, ctx);
    }

    private PolicyInput nextInput() {
        return inputs[next++ & (INPUTS - 1)];
    }

    @Benchmark
    public boolean baselineSingleRuleJava() {
        double[] v = nextInput().features().values();
        return v[gapIndex] < 0.05 && v[countIndex] > 30;
    }

    @Benchmark
    public PolicyDecision singleRuleCel() {
        return singleRule.evaluate(nextInput());
    }

    @Benchmark
    public PolicyDecision defaultPolicy() {
        return defaultPolicy.evaluate(nextInput());
    }
}
