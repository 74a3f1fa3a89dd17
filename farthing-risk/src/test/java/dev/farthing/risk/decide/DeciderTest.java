package dev.farthing.risk.decide;

import dev.farthing.model.FeatureMismatchException;
import dev.farthing.model.RiskModel;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.policy.Action;
import dev.farthing.risk.policy.PolicyCompiler;
import dev.farthing.risk.policy.PolicySet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DeciderTest {
    private static final PolicySet POLICY = PolicyCompiler.compile("""
            policy test
            rule model: score.fraud > 0.5 => review "model_high_risk"
            rule busy: features.payer_count >= 2 => challenge "busy_payer"
            rule mystery: features.mystery < 1 || features.mystery >= 1 => decline "never"
            """, PayerCountingEngine.SCHEMA);

    static PaymentRequest pay(String id, String payer, long amount) {
        return new PaymentRequest(id, payer, "creator", amount, "EUR", null, new PaymentContext("d", "1.2.3.4",
                null, null, null, null, null, PaymentContext.UNKNOWN, null, PaymentContext.UNKNOWN, null));
    }

    @Test
    void withoutAModelScoresAreUnknownAndScoreRulesStaySilent() {
        PayerCountingEngine engine = new PayerCountingEngine();
        Decider decider = new Decider(engine, Optional::empty, () -> POLICY);
        Decision d = decider.decide(pay("p1", "alice", 900), 0);
        assertThat(d.fraudScore()).isNaN();
        assertThat(d.scores().anomaly()).isNaN();
        assertThat(d.action()).isEqualTo(Action.APPROVE);
        assertThat(d.modelVersion()).isEqualTo(Decider.NO_MODEL);
        assertThat(d.policyVersion()).isEqualTo(POLICY.version());
        assertThat(d.features().get("amount")).isEqualTo(900.0);
    }

    @Test
    void withAModelTheScoreReachesThePolicy() throws Exception {
        RiskModel model = TestModels.amountStump(PayerCountingEngine.SCHEMA.names());
        Decider decider = new Decider(new PayerCountingEngine(), () -> Optional.of(model), () -> POLICY);
        Decision high = decider.decide(pay("p1", "alice", 900), 0);
        assertThat(high.fraudScore()).isCloseTo(TestModels.HIGH, within(1e-6));
        // A first payment: the model alone is not evidence, so its review is lowered to a challenge.
        assertThat(high.action()).isEqualTo(Action.CHALLENGE);
        assertThat(high.policy().reasons().getFirst().code()).isEqualTo("downgraded_no_evidence");
        assertThat(high.policy().reasons().get(1).detail()).contains("score.fraud=0.8808 probability");
        decider.learn(pay("c1", "carol", 10), 0, true);
        decider.learn(pay("c2", "carol", 10), 0, true);
        Decision corroborated = decider.decide(pay("c3", "carol", 900), 0);
        assertThat(corroborated.action()).isEqualTo(Action.REVIEW); // two payments before: velocity evidence
        assertThat(corroborated.policy().reasons()).extracting(r -> r.code())
                .containsExactly("model_high_risk", "busy_payer");
        assertThat(high.modelVersion()).isEqualTo(model.version());
        Decision low = decider.decide(pay("p2", "alice", 100), 0);
        assertThat(low.fraudScore()).isCloseTo(TestModels.LOW, within(1e-6));
        assertThat(low.action()).isEqualTo(Action.APPROVE);
    }

    @Test
    void learningFeedsTheFeatureEngineAndNewPolicyVersionsApplyAtOnce() {
        PayerCountingEngine engine = new PayerCountingEngine();
        AtomicReference<PolicySet> active = new AtomicReference<>(POLICY);
        Decider decider = new Decider(engine, Optional::empty, active::get);
        decider.learn(pay("p1", "bob", 10), 1, true);
        decider.learn(pay("p2", "bob", 10), 2, false);
        assertThat(engine.recorded).isEqualTo(2);
        assertThat(engine.allMoved).isFalse();
        Decision busy = decider.decide(pay("p3", "bob", 10), 3);
        assertThat(busy.action()).isEqualTo(Action.CHALLENGE);
        assertThat(busy.policy().reasons().getFirst().detail()).contains("payer_count=2 count");

        active.set(PolicyCompiler.compile("policy lax\nfeatures.payer_count >= 99 => challenge \"busy\"",
                PayerCountingEngine.SCHEMA));
        Decision lax = decider.decide(pay("p4", "bob", 10), 4);
        assertThat(lax.action()).isEqualTo(Action.APPROVE);
        assertThat(lax.policyVersion()).startsWith("lax-");
    }

    @Test
    void aModelTrainedOnOtherFeaturesIsRefused() throws Exception {
        RiskModel model = TestModels.amountStump(List.of("amount", "payer_count", "mystery"));
        Decider decider = new Decider(new PayerCountingEngine(), () -> Optional.of(model), () -> POLICY);
        assertThatThrownBy(() -> decider.decide(pay("p1", "alice", 1), 0))
                .isInstanceOf(FeatureMismatchException.class);
    }
}
