package dev.farthing.risk.decide;

import dev.farthing.model.RiskModel;
import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.features.FeatureConfig;
import dev.farthing.risk.features.FeatureFamily;
import dev.farthing.risk.features.FeatureSchema;
import dev.farthing.risk.features.FeatureVector;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.policy.Action;
import dev.farthing.risk.policy.PolicyCompiler;
import dev.farthing.risk.policy.PolicyDecision;
import dev.farthing.risk.policy.PolicyInput;
import dev.farthing.risk.policy.PolicySet;
import dev.farthing.risk.policy.PolicyStore;
import dev.farthing.risk.policy.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Novelty is not evidence, as a property of the decision layer: with the default policy and a model forced to
 * be nearly certain of fraud, payments whose only unusual traits are novelty (first payments, new payers,
 * devices and IPs, private and carrier-NAT addresses, missing fields, young accounts) are at most challenged;
 * evidence (a velocity burst, a device shared by many accounts) still declines. Seeded: -Dfarthing.seed=N.
 */
class NoveltyIsNotEvidenceTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 20_000L * 86_400 * S;
    private static long seed;
    private static FeatureSchema schema;
    private static PolicySet policy;
    private static RiskModel certain;

    @BeforeAll
    static void setUp() throws Exception {
        seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("NoveltyIsNotEvidenceTest seed=" + seed);
        schema = DefaultFeatureEngine.defaultSchema();
        policy = PolicyCompiler.compile(PolicyStore.defaultSource(), schema);
        certain = TestModels.constant(schema.names(), 6.0); // sigmoid(6) = 0.9975
    }

    @Test
    void noveltyFeatureVectorsWithAHighScoreAreAtMostChallenged() {
        Random random = new Random(seed);
        int downgraded = 0;
        for (int trial = 0; trial < 5000; trial++) {
            double[] v = new double[schema.size()];
            for (int i = 0; i < v.length; i++) {
                FeatureSchema.Feature f = schema.feature(i);
                v[i] = switch (f.family()) {
                    case NOVELTY -> novelty(random, f);
                    case CONTEXT -> random.nextDouble() < 0.2 ? Double.NaN : random.nextDouble() * 50_000;
                    default -> normal(random, f);
                };
            }
            assertThat(schema.hasEvidence(v)).isFalse();
            RiskModel.Scores scores = new RiskModel.Scores(0.9 + random.nextDouble() * 0.1, random.nextDouble());
            PolicyDecision d = policy.evaluate(new PolicyInput(payment(random, trial), new FeatureVector(schema, v),
                    scores, T0));
            assertThat(d.action()).as("seed %d trial %d: %s", seed, trial, d).isEqualTo(Action.CHALLENGE);
            downgraded += d.hasReason("downgraded_no_evidence") ? 1 : 0;
        }
        assertThat(downgraded).as("the model's decline band was lowered, not silent").isEqualTo(5000);
    }

    @Test
    void oneEvidenceFeatureBeyondItsBandLetsTheDeclineStand() {
        Random random = new Random(seed);
        for (int trial = 0; trial < 500; trial++) {
            double[] v = new double[schema.size()];
            java.util.Arrays.fill(v, Double.NaN);
            for (int i = 0; i < v.length; i++) {
                if (schema.feature(i).family() == FeatureFamily.NOVELTY) {
                    v[i] = novelty(random, schema.feature(i));
                }
            }
            var banded = schema.features().stream().filter(FeatureSchema.Feature::hasBand).toList();
            FeatureSchema.Feature evidence = banded.get(random.nextInt(banded.size()));
            v[schema.indexOf(evidence.name())] = evidence.evidenceFrom() + random.nextInt(3);
            PolicyDecision d = policy.evaluate(new PolicyInput(payment(random, trial), new FeatureVector(schema, v),
                    new RiskModel.Scores(0.99, 0.5), T0));
            assertThat(d.action()).as("seed %d trial %d: %s", seed, trial, evidence.name()).isEqualTo(Action.DECLINE);
            assertThat(d.hasReason("downgraded_no_evidence")).isFalse();
        }
    }

    @Test
    void firstPaymentsThroughTheRealPipelineAreAtMostChallengedAndBotsAreStillDeclined() {
        Random random = new Random(seed);
        Decider decider = new Decider(new DefaultFeatureEngine(FeatureConfig.defaults()), () -> Optional.of(certain),
                () -> policy);
        long at = T0;
        int returning = 0;
        for (int i = 0; i < 3000; i++) {
            at += random.nextInt(20) * S;
            // A new payer, or one of a few returning payers on a new device and address, same habitual amount.
            boolean again = i > 50 && random.nextInt(4) == 0;
            String payer = again ? "regular-" + random.nextInt(20) : "new-" + i;
            long amount = again ? 250 : 1 + random.nextInt(5000);
            returning += again ? 1 : 0;
            PaymentRequest p = new PaymentRequest("p" + i, payer, random.nextInt(3) == 0 ? "creator-" + i : "creator",
                    amount, "EUR", null, context(random, i, at));
            Decision d = decider.decide(p, at);
            assertThat(schema.hasEvidence(d.features().values())).as("seed %d payment %d is novelty only", seed, i)
                    .isFalse();
            assertThat(d.action()).as("seed %d payment %d: %s", seed, i, d.policy()).isIn(Action.APPROVE,
                    Action.CHALLENGE);
            decider.learn(p, at, true);
        }
        assertThat(returning).isPositive();
        // A bot: 20 payments in 20 seconds from one payer and device.
        Action worst = Action.APPROVE;
        for (int k = 0; k < 20; k++) {
            at += S;
            PaymentRequest p = new PaymentRequest("bot" + k, "bot", "creator", 100, "EUR", null,
                    new PaymentContext("bot-device", "198.51.100.9", null, null, null, null, null,
                            PaymentContext.UNKNOWN, null, PaymentContext.UNKNOWN, null));
            Decision d = decider.decide(p, at);
            worst = worst.max(d.action());
            decider.learn(p, at, true);
        }
        assertThat(worst).as("seed %d", seed).isEqualTo(Action.DECLINE);
    }

    private static double novelty(Random random, FeatureSchema.Feature f) {
        if (random.nextInt(5) == 0) {
            return Double.NaN;
        }
        return f.unit().equals("flag") ? random.nextInt(2) : random.nextDouble() * 86_400 * random.nextInt(400);
    }

    /** A normal value of an evidence-family feature: unknown, zero, or inside its band. */
    private static double normal(Random random, FeatureSchema.Feature f) {
        return switch (random.nextInt(3)) {
            case 0 -> Double.NaN;
            case 1 -> 0;
            default -> f.hasBand() ? random.nextInt((int) f.evidenceFrom()) : Double.NaN;
        };
    }

    private static PaymentRequest payment(Random random, int i) {
        return new PaymentRequest("v" + i, "payer-" + i, "creator", 1 + random.nextInt(5000), "EUR", null,
                context(random, i, T0));
    }

    /** A fresh device, a private, carrier-NAT or shared address, optional fields often missing. */
    private static PaymentContext context(Random random, int i, long at) {
        String ip = switch (random.nextInt(4)) {
            case 0 -> "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            case 1 -> "100." + (64 + random.nextInt(64)) + "." + random.nextInt(256) + "." + random.nextInt(256);
            case 2 -> "192.168.1." + random.nextInt(256);
            default -> "203.0.113.7"; // one address shared by everyone (an office, a carrier NAT)
        };
        String device = "device-" + i + "-" + random.nextInt(1000);
        long created = random.nextBoolean() ? PaymentContext.UNKNOWN : at - random.nextInt(7 * 86_400) * S;
        String country = random.nextBoolean() ? null : random.nextBoolean() ? "DE" : "us";
        return new PaymentContext(device, ip, country, null, null, null, null, PaymentContext.UNKNOWN, null, created,
                null);
    }
}
