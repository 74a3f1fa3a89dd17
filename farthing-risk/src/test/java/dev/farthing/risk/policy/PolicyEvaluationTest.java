package dev.farthing.risk.policy;

import dev.farthing.model.RiskModel;
import org.junit.jupiter.api.Test;

import static dev.farthing.risk.policy.TestPolicies.compile;
import static dev.farthing.risk.policy.TestPolicies.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyEvaluationTest {
    private static final double NAN = Double.NaN;

    private static final PolicySet LADDER = compile("""
            policy ladder
            rule note:   features.payer_count_1h > 0  => approve "known_payer"
            rule step:   features.payer_count_1h > 10 => challenge "busy"
            rule human:  features.payer_count_1h > 20 => review "very_busy"
            rule block:  features.payer_count_1h > 30 => decline "bot_velocity" "too many payments"
            rule farm:   features.device_accounts_24h > 3 => challenge "shared_device"
            """);

    @Test
    void mostSevereMatchedActionWinsAndAllReasonsAreReturned() {
        assertThat(LADDER.evaluate(input(0, 0, 0, 0))).isEqualTo(PolicyDecision.approveWithoutReasons());
        assertThat(LADDER.evaluate(input(5, 0, 0, 0)).action()).isEqualTo(Action.APPROVE);
        assertThat(LADDER.evaluate(input(5, 0, 0, 0)).reasons()).extracting(Reason::code).containsExactly("known_payer");
        assertThat(LADDER.evaluate(input(15, 0, 0, 0)).action()).isEqualTo(Action.CHALLENGE);
        assertThat(LADDER.evaluate(input(25, 0, 0, 0)).action()).isEqualTo(Action.REVIEW);
        PolicyDecision all = LADDER.evaluate(input(35, 0, 9, 0));
        assertThat(all.action()).isEqualTo(Action.DECLINE);
        assertThat(all.reasons()).extracting(Reason::code)
                .containsExactly("bot_velocity", "very_busy", "busy", "shared_device", "known_payer");
        assertThat(all.hasReason("shared_device")).isTrue();
    }

    @Test
    void severityOrderAndWireNames() {
        assertThat(Action.DECLINE).isGreaterThan(Action.REVIEW);
        assertThat(Action.REVIEW).isGreaterThan(Action.CHALLENGE);
        assertThat(Action.CHALLENGE).isGreaterThan(Action.APPROVE);
        assertThat(Action.CHALLENGE.max(Action.DECLINE)).isEqualTo(Action.DECLINE);
        assertThat(Action.REVIEW.wire()).isEqualTo("held_for_review");
        assertThat(Action.fromWire("challenged")).isEqualTo(Action.CHALLENGE);
        assertThat(Action.fromKeyword("decline")).isEqualTo(Action.DECLINE);
    }

    @Test
    void comparisonsWithUnknownValuesAreFalse() {
        PolicySet p = compile("""
                features.payer_gap_cv_1h < 0.05 => decline "low"
                features.payer_gap_cv_1h >= 0.05 => review "high"
                features.payer_gap_cv_1h == 0.0 => challenge "equal"
                !known(features.payer_gap_cv_1h) => approve "gap_unknown"
                """);
        PolicyDecision unknown = p.evaluate(input(1, NAN, 0, 0));
        assertThat(unknown.action()).isEqualTo(Action.APPROVE);
        assertThat(unknown.reasons()).extracting(Reason::code).containsExactly("gap_unknown");
        assertThat(p.evaluate(input(1, 0.01, 9, 0)).action()).isEqualTo(Action.DECLINE);
        // CEL-Java's own mixed double/int ordering ranks NaN above every number; ours follows IEEE.
        PolicySet mixed = compile("""
                features.payer_gap_cv_1h > 1 => decline "gt"
                features.payer_gap_cv_1h >= -1 => decline "ge"
                features.payer_gap_cv_1h < 1 => decline "lt"
                features.payer_gap_cv_1h <= 1 => decline "le"
                1 < features.payer_gap_cv_1h || 1 > features.payer_gap_cv_1h => decline "int_first"
                1 <= features.payer_gap_cv_1h || 1 >= features.payer_gap_cv_1h => decline "int_first_eq"
                """);
        assertThat(mixed.evaluate(input(1, NAN, 0, 0))).isEqualTo(PolicyDecision.approveWithoutReasons());
        assertThat(mixed.evaluate(input(1, 2, 9, 0)).reasons()).extracting(Reason::code)
                .containsExactly("gt", "ge", "int_first", "int_first_eq");
        assertThat(mixed.evaluate(input(1, 0.5, 9, 0)).reasons()).extracting(Reason::code)
                .containsExactly("ge", "lt", "le", "int_first", "int_first_eq");
        // Negations are true on NaN, as documented: '!=' is one.
        PolicySet negated = compile("features.payer_gap_cv_1h != 0.5 => review \"not_half\"");
        assertThat(negated.evaluate(input(1, NAN, 9, 0)).action()).isEqualTo(Action.REVIEW);
    }

    @Test
    void withoutAModelScoreRulesNeverFire() {
        PolicySet p = compile("score.fraud > 0.9 || score.anomaly > 0.9 => decline \"model\"\n"
                + "score.fraud <= 0.9 => challenge \"low_model\"");
        assertThat(p.evaluate(input(null, 1, 1, 1, 1)).action()).isEqualTo(Action.APPROVE);
        // The model alone is not evidence: challenged, with a reason saying why; with a shared device it stands.
        PolicyDecision alone = p.evaluate(input(new RiskModel.Scores(0.95, NAN), 1, 1, 1, 1));
        assertThat(alone.action()).isEqualTo(Action.CHALLENGE);
        assertThat(alone.reasons()).extracting(Reason::code).containsExactly("downgraded_no_evidence", "model");
        assertThat(p.evaluate(input(new RiskModel.Scores(0.95, NAN), 1, 1, 9, 1)).action()).isEqualTo(Action.DECLINE);
        assertThat(p.evaluate(input(new RiskModel.Scores(0.5, NAN), 1, 1, 1, 1)).action()).isEqualTo(Action.CHALLENGE);
    }

    @Test
    void reasonDetailsNameTheRuleTheTextAndTheValuesWithUnits() {
        PolicySet p = compile("""
                rule bots:
                  features.payer_gap_cv_1h < 0.05 && features.payer_count_1h > 30 && payment.amount < 1000
                  && known(score.fraud) == false
                  => decline "bot_regular_timing" "payments arrive at machine-regular intervals"
                """);
        PolicyDecision d = p.evaluate(input(41, 0.012345, 0, 0));
        assertThat(d.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("bot_regular_timing");
            assertThat(r.detail()).isEqualTo("rule bots: payments arrive at machine-regular intervals; "
                    + "payer_gap_cv_1h=0.01235 ratio, payer_count_1h=41 count, payment.amount=100 minor_units, "
                    + "score.fraud=unknown probability");
        });
    }

    @Test
    void aRuleThatFailsToEvaluateRaisesTheDecisionToReview() {
        PolicySet p = compile("rule overflow: payment.amount * 9223372036854775807 > 0 => challenge \"huge\"");
        PolicyDecision d = p.evaluate(input(0, 0, 0, 0));
        assertThat(d.action()).isEqualTo(Action.REVIEW);
        assertThat(d.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("policy_rule_error");
            assertThat(r.detail()).contains("rule overflow (line 1)");
        });
    }

    @Test
    void paymentVariablesAreVisible() {
        PolicySet p = compile("""
                payment.currency == "EUR" && payment.country == "DE" && !payment.has_fee && payment.fee_amount == 0
                  && payment.payer == "alice" && payment.payee == "bob" && !payment.has_geo && payment.hour_utc == 0
                  && !payment.has_telemetry && !payment.has_content && !payment.has_instrument => review "all_seen"
                """);
        assertThat(p.evaluate(input(0, 0, 9, 0)).action()).isEqualTo(Action.REVIEW);
    }

    @Test
    void aVectorOfAnotherSchemaIsRefused() {
        var other = new dev.farthing.risk.features.FeatureSchema(java.util.List.of(
                new dev.farthing.risk.features.FeatureSchema.Feature("x", "count", "x")));
        var in = new PolicyInput(TestPolicies.payment(1), new dev.farthing.risk.features.FeatureVector(other,
                new double[] {1}), null, 0);
        assertThatThrownBy(() -> LADDER.evaluate(in)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another feature schema");
    }
}
