package dev.farthing.risk.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.model.ModelGuards;
import dev.farthing.model.RiskModel;
import dev.farthing.model.calibration.ScoreThresholds;
import dev.farthing.model.guard.TrainingStats;
import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.features.FeatureConfig;
import dev.farthing.risk.features.FeatureSchema;
import dev.farthing.risk.policy.Action;
import dev.farthing.risk.policy.PolicyCompiler;
import dev.farthing.risk.policy.PolicySet;
import dev.farthing.risk.policy.PolicyStore;
import dev.farthing.risk.policy.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model may not challenge an ordinary first payment for its novelty alone (decision layer, after the evidence
 * cap). A two-tree model: missing telemetry (novelty) adds +3.6 log-odds, a device already used by 3+ accounts
 * (linkage, under its evidence band of 5) adds +3.6; challenge band 0.5. Through the real feature engine and the
 * default policy, seeded (-Dfarthing.seed=N): a first payment without telemetry is approved with the reason saying
 * why; the same payment from a device other accounts used, a returning payer's, and a first payment of an amount
 * above the training 99th percentile are still challenged.
 */
class NoveltyOnlyChallengeTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 20_000L * 86_400 * S;
    private static long seed;
    private static FeatureSchema schema;
    private static PolicySet policy;
    private static RiskModel model;

    @BeforeAll
    static void setUp() throws Exception {
        seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("NoveltyOnlyChallengeTest seed=" + seed);
        schema = DefaultFeatureEngine.defaultSchema();
        policy = PolicyCompiler.compile(PolicyStore.defaultSource(), schema);
        model = noveltyAndLinkageModel(schema.names());
    }

    @Test
    void aFirstPaymentChallengedForItsNoveltyIsApproved() {
        Random random = new Random(seed);
        Decider decider = decider();
        long at = T0;
        for (int i = 0; i < 300; i++) {
            at += (1 + random.nextInt(20)) * S;
            PaymentRequest p = payment("new-" + i, "device-" + i, 1 + random.nextInt(9_000), at);
            Decision d = decider.decide(p, at);
            assertThat(d.scores().fraud()).as("seed %d: the model alone would challenge", seed).isGreaterThan(0.5);
            assertThat(d.action()).as("seed %d payment %d: %s", seed, i, d.policy()).isEqualTo(Action.APPROVE);
            Reason first = d.policy().reasons().getFirst();
            assertThat(first.code()).isEqualTo("novelty_only_approved");
            assertThat(first.detail()).contains("model_medium_risk", "challenge band 0.500");
            decider.learn(p, at, true);
        }
    }

    @Test
    void linkageAReturningPayerOrAnUnusualAmountStillChallenge() {
        Random random = new Random(seed);
        Decider decider = decider();
        long at = T0;
        // Three accounts on one device: the fourth's first payment has linkage behind the score (3 < band 5).
        for (int k = 0; k < 3; k++) {
            at += S;
            PaymentRequest p = payment("sharer-" + k, "shared-device", 100, at);
            decider.learn(p, at, true);
        }
        at += S;
        Decision linked = decider.decide(payment("sharer-3", "shared-device", 100, at), at);
        assertThat(linked.action()).as("seed %d: %s", seed, linked.policy()).isEqualTo(Action.CHALLENGE);

        // A returning payer: the cap is for first payments.
        PaymentRequest before = payment("regular", "own-device", 250, at);
        decider.learn(before, at, true);
        at += 60 * S;
        Decision again = decider.decide(payment("regular", "own-device", 250, at), at);
        assertThat(again.action()).as("seed %d: %s", seed, again.policy()).isEqualTo(Action.CHALLENGE);

        // An amount above the training 99th percentile (about 9,900) is not an ordinary first payment.
        at += S;
        long large = 12_000 + random.nextInt(3_000);
        Decision big = decider.decide(payment("new-big", "device-big", large, at), at);
        assertThat(big.action()).as("seed %d amount %d: %s", seed, large, big.policy()).isEqualTo(Action.CHALLENGE);
        assertThat(big.policy().hasReason("novelty_only_approved")).isFalse();
    }

    @Test
    void withoutThresholdsNothingIsLowered() throws Exception {
        RiskModel bare = noveltyAndLinkageModel(schema.names(), ScoreThresholds.NONE);
        Decider decider = new Decider(new DefaultFeatureEngine(FeatureConfig.defaults()), () -> Optional.of(bare),
                () -> policy);
        Decision d = decider.decide(payment("new", "device", 100, T0), T0);
        assertThat(d.action()).isEqualTo(Action.CHALLENGE); // literal band 0.1 of the policy
    }

    private static Decider decider() {
        return new Decider(new DefaultFeatureEngine(FeatureConfig.defaults()), () -> Optional.of(model), () -> policy);
    }

    /** A minimal client: only device and IP, so telemetry is missing. */
    private static PaymentRequest payment(String payer, String device, long amount, long at) {
        return new PaymentRequest(payer + "@" + at, payer, "creator", amount, "EUR", null,
                new PaymentContext(device, "198.51.100." + (device.hashCode() & 0x7f), null, null, null, null, null,
                        PaymentContext.UNKNOWN, null, PaymentContext.UNKNOWN, null));
    }

    static RiskModel noveltyAndLinkageModel(List<String> names) throws Exception {
        return noveltyAndLinkageModel(names, new ScoreThresholds(0.99, 0.95, 0.5, 0.001, 0.003, 0.01, 1000));
    }

    /**
     * Tree 1: telemetry_missing_flag below 0.5 = -1 (cover 90), else (and missing) +3 (cover 10); tree 2:
     * device_distinct_accounts_count below 3 (and missing) = -1 (cover 90), else +3 (cover 10). Each tree's
     * expected value is -0.6, so TreeSHAP gives +3.6 or -0.4 per feature and a bias of -1.2. Training statistics
     * know only amounts 1..10,000 (p99 about 9,900).
     */
    static RiskModel noveltyAndLinkageModel(List<String> names, ScoreThresholds thresholds) throws Exception {
        String trees = tree(names.indexOf("telemetry_missing_flag"), 0.5, 0) + ", "
                + tree(names.indexOf("device_distinct_accounts_count"), 3, 1);
        ObjectMapper json = new ObjectMapper();
        JsonNode xgb = json.readTree("""
                {"learner": {
                  "objective": {"name": "binary:logistic"},
                  "learner_model_param": {"num_feature": "%d", "base_score": "5E-1"},
                  "gradient_booster": {"name": "gbtree", "model": {"trees": [%s]}}}}
                """.formatted(names.size(), trees));
        double[][] rows = new double[1000][names.size()];
        int amount = names.indexOf("amount");
        for (int i = 0; i < rows.length; i++) {
            Arrays.fill(rows[i], Double.NaN);
            rows[i][amount] = 1 + i * 10;
        }
        ModelGuards guards = new ModelGuards(TrainingStats.of(names, rows, 10), null, thresholds);
        return RiskModel.create(names, xgb, null, json.createObjectNode(), Instant.EPOCH, guards);
    }

    private static String tree(int feature, double cut, int defaultLeft) {
        return """
                {"left_children": [1, -1, -1], "right_children": [2, -1, -1],
                 "split_indices": [%d, 0, 0], "split_conditions": [%s, -1.0, 3.0],
                 "default_left": [%d, 0, 0], "split_type": [0, 0, 0], "sum_hessian": [100.0, 90.0, 10.0]}"""
                .formatted(feature, cut, defaultLeft);
    }
}
