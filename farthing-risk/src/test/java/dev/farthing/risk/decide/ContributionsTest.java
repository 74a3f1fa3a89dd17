package dev.farthing.risk.decide;

import dev.farthing.model.RiskModel;
import dev.farthing.risk.policy.Action;
import dev.farthing.risk.policy.Contribution;
import dev.farthing.risk.policy.PolicyCompiler;
import dev.farthing.risk.policy.PolicyException;
import dev.farthing.risk.policy.PolicySet;
import dev.farthing.risk.policy.Reason;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.farthing.risk.decide.DeciderTest.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Model reasons carry TreeSHAP contributions; policies read them as {@code contribution.<feature>}. */
class ContributionsTest {
    private static final PolicySet POLICY = PolicyCompiler.compile("""
            policy test
            rule model: score.fraud > 0.5 => review "model_high_risk"
            rule busy: features.payer_count >= 2 => challenge "busy_payer"
            rule amount_driven: contribution.amount > 2.5 => challenge "amount_drives_model"
            rule amount_eases: contribution.amount < 0.0 => approve "amount_lowers_risk"
            """, PayerCountingEngine.SCHEMA);

    @Test
    void aModelReasonCarriesTheTopContributionsAndTextBuiltFromThem() throws Exception {
        RiskModel model = TestModels.coveredAmountStump(PayerCountingEngine.SCHEMA.names());
        Decider decider = new Decider(new PayerCountingEngine(), () -> Optional.of(model), () -> POLICY);
        Decision high = decider.decide(pay("p1", "alice", 900), 0);
        // The model alone cannot hold a payment (no corroborating evidence): the review becomes a challenge.
        assertThat(high.action()).isEqualTo(Action.CHALLENGE);
        Reason modelReason = reason(high, "model_high_risk");
        assertThat(modelReason.code()).isEqualTo("model_high_risk");
        assertThat(modelReason.explains()).isEqualTo("score.fraud");
        assertThat(modelReason.contributions()).hasSize(1);
        Contribution amount = modelReason.contributions().getFirst();
        assertThat(amount.feature()).isEqualTo("amount");
        assertThat(amount.value()).isEqualTo(900.0);
        assertThat(amount.unit()).isEqualTo("minor_units");
        assertThat(amount.contribution()).isCloseTo(3.0, within(1e-6)); // margin 2 minus expected margin -1
        assertThat(modelReason.detail()).isEqualTo("rule model; model rates this 0.8808: amount=900 (+3)");
        // The contribution rule fired on the same payment; rules without model variables carry none.
        assertThat(high.policy().hasReason("amount_drives_model")).isTrue();
        decider.learn(pay("p2", "alice", 100), 0, true);
        decider.learn(pay("p3", "alice", 100), 0, true);
        Decision busy = decider.decide(pay("p4", "alice", 100), 0);
        Reason busyReason = busy.policy().reasons().getFirst();
        assertThat(busyReason.code()).isEqualTo("busy_payer");
        assertThat(busyReason.contributions()).isEmpty();
        assertThat(busyReason.explains()).isEmpty();
        assertThat(busy.policy().hasReason("amount_lowers_risk")).as("contribution -1 below 500").isTrue();
    }

    @Test
    void withoutAModelOrWithoutCoversContributionsAreUnknownAndRulesOnThemStaySilent() throws Exception {
        Decider none = new Decider(new PayerCountingEngine(), Optional::empty, () -> POLICY);
        Decision d = none.decide(pay("p1", "alice", 900), 0);
        assertThat(d.action()).isEqualTo(Action.APPROVE);
        assertThat(d.policy().reasons()).isEmpty();

        RiskModel uncovered = TestModels.amountStump(PayerCountingEngine.SCHEMA.names());
        assertThat(uncovered.explainsFraud()).isFalse();
        Decider old = new Decider(new PayerCountingEngine(), () -> Optional.of(uncovered), () -> POLICY);
        Decision high = old.decide(pay("p1", "alice", 900), 0);
        assertThat(high.action()).isEqualTo(Action.CHALLENGE);
        assertThat(high.policy().reasons()).extracting(Reason::code)
                .containsExactly("downgraded_no_evidence", "model_high_risk");
        assertThat(reason(high, "model_high_risk").contributions()).isEmpty();
        assertThat(reason(high, "model_high_risk").detail()).contains("score.fraud=0.8808 probability");
    }

    @Test
    void anUnknownFeatureInContributionIsATypeErrorAtLoad() {
        assertThatThrownBy(() -> PolicyCompiler.compile("contribution.amout > 1.0 => review \"x\"",
                PayerCountingEngine.SCHEMA))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("unknown feature 'amout' in 'contribution.amout'")
                .hasMessageContaining("1:1 rule x@1");
        assertThatThrownBy(() -> PolicyCompiler.compile("contribution.amount == \"a\" => review \"x\"",
                PayerCountingEngine.SCHEMA)).isInstanceOf(PolicyException.class);
    }

    @Test
    void theShippedModelExplainsItsScoresExactly() {
        RiskModel shipped = ShippedModel.load().orElseThrow();
        assertThat(shipped.explainsFraud()).as("the shipped bundle carries node covers").isTrue();
        var explainer = shipped.explainer();
        int n = shipped.featureNames().size();
        java.util.Random random = new java.util.Random(7);
        double[] row = new double[n];
        double[] fraud = new double[n + 1];
        double[] anomaly = new double[n + 1];
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextInt(5) == 0 ? Double.NaN : Math.floor(Math.exp(random.nextGaussian() * 2));
            }
            explainer.fraud(row, fraud);
            // Contributions add up to the trees' margin, before calibration and the guard.
            double p = shipped.rawFraudScore(row);
            assertThat(java.util.Arrays.stream(fraud).sum()).isCloseTo(Math.log(p / (1 - p)), within(1e-4));
            if (explainer.explainsAnomaly()) {
                explainer.anomaly(row, anomaly);
                assertThat(java.util.Arrays.stream(anomaly).sum()).isCloseTo(shipped.anomalyScore(row), within(1e-9));
            }
        }
    }

    private static Reason reason(Decision decision, String code) {
        return decision.policy().reasons().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }
}
