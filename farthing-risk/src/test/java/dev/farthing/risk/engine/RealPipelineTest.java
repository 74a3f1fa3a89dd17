package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.risk.decide.ShippedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.farthing.risk.engine.RiskFixture.await;
import static dev.farthing.risk.engine.RiskFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine with the real feature engine, policy compiler and store: decisions, money, and a restart. */
class RealPipelineTest {
    static final String POLICY = """
            policy engine_test
            rule challenge_77:
                payment.amount == 77
              => challenge "test_challenge" "amount 77"
            rule review_88:
                payment.amount == 88
              => review "test_review" "amount 88"
            rule decline_99:
                payment.amount == 99
              => decline "test_decline" "amount 99"
            rule velocity:
                features.payer_history_count >= 3.0
              => challenge "velocity_test" "a fourth payment from one payer"
            """;

    @TempDir
    Path dir;

    private RiskServices open(RiskFixture f) {
        return RiskServices.open(f.ledger, dir.resolve("risk"), RiskEngineConfig.defaults().withFsync(false),
                DecisionObserver.NONE, 3600);
    }

    @Test
    void realPoliciesDecideAndFeatureStateSurvivesARestart() {
        try (RiskFixture f = new RiskFixture(dir)) {
            try (RiskServices risk = open(f)) {
                var store = risk.config().policies();
                String version = store.put(POLICY);
                store.activate(version);
                PaymentResult first = await(risk.engine().submit(payment("p1", 10, 1)));
                assertThat(first.decision()).isEqualTo(Decision.APPROVED);
                assertThat(first.policyVersion()).isEqualTo(version);
                // A new data directory decides with the model Farthing ships.
                assertThat(first.modelVersion()).isEqualTo(ShippedModel.load().orElseThrow().version());
                assertThat(first.score()).isBetween(0.0, 1.0);
                PaymentResult challenged = await(risk.engine().submit(payment("p2", 77, 1)));
                assertThat(challenged.decision()).isEqualTo(Decision.CHALLENGED);
                // The shipped model explains every decision: its top contributions come after the policy's reasons.
                assertThat(challenged.reasons()).extracting(DecisionReason::code)
                        .containsExactly("test_challenge", "model_contributions");
                assertThat(challenged.reasons().getLast().contributions()).isNotEmpty();
                PaymentResult declined = await(risk.engine().submit(payment("p3", 99, 1)));
                assertThat(declined.decision()).isEqualTo(Decision.DECLINED);
                f.assertMoney(11, 10, 1, 78);
            }
            try (RiskServices risk = open(f)) {
                // The policy choice is durable, and the payer's three recorded attempts came back from the journal.
                PaymentResult fourth = await(risk.engine().submit(payment("p4", 10, 1)));
                assertThat(fourth.decision()).isEqualTo(Decision.CHALLENGED);
                assertThat(fourth.reasons()).extracting(DecisionReason::code).contains("velocity_test");
                assertThat(await(risk.engine().submit(payment("p1", 10, 1))).replayed()).isTrue();
                assertThat(await(risk.engine().challenge("p2", true)).status()).isEqualTo(PaymentStatus.POSTED);
                f.assertMoney(89, 87, 2, 11); // p4 (10 + fee 1) is held for its challenge
            }
        }
    }
}
