package dev.farthing.bench.jmh;

import dev.farthing.model.ModelExplainer;
import dev.farthing.model.RiskModel;
import dev.farthing.risk.decide.ShippedModel;
import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.features.FeatureConfig;
import dev.farthing.risk.features.FeatureSchema;
import dev.farthing.risk.features.FeatureVector;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.policy.Explanation;
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
 * The cost of explaining decisions with the shipped model: scoring alone, scoring plus exact TreeSHAP (and the
 * forest's path attribution), and the model-and-policy part of a decision without contributions and with the top
 * contributions computed for every payment (as the Decider does). Feature vectors come from a feature engine fed with 16k realistic payments
 * (see {@link PolicyEvalBench}). Sample mode, so JMH reports p50 and tails per operation.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ExplainBench {
    private static final long MS = 1_000_000L;
    private static final int INPUTS = 1 << 10;

    private RiskModel model;
    private ModelExplainer explainer;
    private PolicySet policy;
    private PaymentRequest[] payments;
    private FeatureVector[] vectors;
    private long[] times;
    private double[] out;
    /** The same rows at the model's own width (it may have been trained on a prefix of the schema). */
    private double[][] modelRows;
    private double[] modelOut;
    private int next;

    @Setup
    public void setup() {
        model = ShippedModel.load().orElseThrow(() -> new IllegalStateException("this build ships no model"));
        explainer = model.explainer();
        FeatureSchema schema = DefaultFeatureEngine.defaultSchema();
        model.requireFeatures(schema.names());
        policy = PolicyCompiler.compile(PolicyStore.defaultSource(), schema);
        out = new double[schema.size() + 1];
        Random r = new Random(11);
        DefaultFeatureEngine engine = new DefaultFeatureEngine(FeatureConfig.defaults());
        long now = 1_800_000_000_000L * MS;
        payments = new PaymentRequest[INPUTS];
        vectors = new FeatureVector[INPUTS];
        times = new long[INPUTS];
        int total = 16 * INPUTS;
        for (int i = 0; i < total; i++) {
            now += 50 * MS;
            PaymentRequest p = PolicyEvalBench.payment(r, i, now);
            int at = i - (total - INPUTS);
            if (at >= 0) {
                payments[at] = p;
                vectors[at] = engine.extract(p, now);
                times[at] = now;
            }
            engine.record(p, now, true);
        }
        int width = model.featureNames().size();
        modelRows = new double[INPUTS][];
        for (int i = 0; i < INPUTS; i++) {
            modelRows[i] = java.util.Arrays.copyOf(vectors[i].values(), width);
        }
        modelOut = new double[width + 1];
    }

    /** Exact TreeSHAP alone, as shipped: the walk with sibling leaves merged ({@code PairedShapTables}). */
    @Benchmark
    public double treeShap() {
        explainer.fraud(modelRows[nextIndex()], modelOut);
        return modelOut[0];
    }

    /** The baseline in the same run: the per-leaf table walk this replaced (same values). */
    @Benchmark
    public double treeShapPerLeaf() {
        explainer.fraudPerLeaf(modelRows[nextIndex()], modelOut);
        return modelOut[0];
    }

    private int nextIndex() {
        return next++ & (INPUTS - 1);
    }

    @Benchmark
    public RiskModel.Scores score() {
        return model.score(vectors[nextIndex()].values());
    }

    @Benchmark
    public double scoreAndTreeShap() {
        double[] row = vectors[nextIndex()].values();
        RiskModel.Scores scores = model.score(row);
        explainer.fraud(row, out);
        return scores.fraud() + out[0];
    }

    @Benchmark
    public double scoreAndForestAttribution() {
        double[] row = vectors[nextIndex()].values();
        RiskModel.Scores scores = model.score(row);
        explainer.anomaly(row, out);
        return scores.anomaly() + out[0];
    }

    @Benchmark
    public PolicyDecision decideWithoutContributions() {
        int i = nextIndex();
        RiskModel.Scores scores = model.score(vectors[i].values());
        return policy.evaluate(new PolicyInput(payments[i], vectors[i], scores, times[i], Explanation.NONE));
    }

    /**
     * As the Decider ships: every decision computes exact TreeSHAP and selects the top contributions it carries
     * (in a model rule's reason or the {@code model_contributions} reason). Compare with
     * {@link #decideWithoutContributions}, same run.
     */
    @Benchmark
    public Object decideWithTopContributions() {
        int i = nextIndex();
        RiskModel.Scores scores = model.score(vectors[i].values());
        Explanation explanation = new Explanation(explainer, vectors[i]);
        PolicyDecision decision = policy.evaluate(new PolicyInput(payments[i], vectors[i], scores, times[i], explanation));
        return explanation.topFraud().isEmpty() ? decision : explanation;
    }
}
