package dev.farthing.risk.policy;

import dev.farthing.model.RiskModel;
import dev.farthing.model.calibration.ScoreThresholds;
import dev.farthing.risk.features.FeatureVector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code model.*_threshold}: typed doubles read from the active model's bundle, NaN without one. */
class ModelThresholdVariablesTest {
    private static final ScoreThresholds BANDS = new ScoreThresholds(0.5, 0.3, 0.2, 0.001, 0.003, 0.01, 10_000);

    // A payer count of 25 is evidence in the test schema, so reviews stand (novelty is not evidence).
    private static PolicyInput input(double fraud, ScoreThresholds thresholds) {
        return new PolicyInput(TestPolicies.payment(100), new FeatureVector(TestPolicies.SCHEMA,
                new double[] {25, 1, 1, 1}), new RiskModel.Scores(fraud, Double.NaN), 0, thresholds);
    }

    @Test
    void rulesCompareScoresWithTheModelsBandsAndFallBackToLiterals() {
        PolicySet p = TestPolicies.compile("""
                score.fraud > (known(model.review_threshold) ? model.review_threshold : 0.6) => review "band"
                score.fraud > (known(model.challenge_threshold) ? model.challenge_threshold : 0.1) => challenge "low"
                """);
        assertThat(p.evaluate(input(0.35, BANDS)).action()).isEqualTo(Action.REVIEW);
        assertThat(p.evaluate(input(0.25, BANDS)).action()).isEqualTo(Action.CHALLENGE);
        assertThat(p.evaluate(input(0.15, BANDS)).action()).isEqualTo(Action.APPROVE);
        // Without thresholds the literal numbers apply.
        assertThat(p.evaluate(input(0.35, ScoreThresholds.NONE)).action()).isEqualTo(Action.CHALLENGE);
        assertThat(p.evaluate(input(0.15, ScoreThresholds.NONE)).action()).isEqualTo(Action.CHALLENGE);
        assertThat(p.evaluate(input(0.05, ScoreThresholds.NONE)).action()).isEqualTo(Action.APPROVE);
        assertThat(p.evaluate(input(0.35, BANDS)).reasons().getFirst().detail())
                .contains("model.review_threshold=0.3 probability");
    }

    @Test
    void theVariablesAreTypeChecked() {
        assertThatThrownBy(() -> TestPolicies.compile("model.decline_threshold == \"high\" => decline \"x\""))
                .isInstanceOf(PolicyException.class);
        assertThatThrownBy(() -> TestPolicies.compile("model.decline_treshold > 0.5 => decline \"x\""))
                .isInstanceOf(PolicyException.class).hasMessageContaining("unknown variable 'model.decline_treshold'");
        TestPolicies.compile("model.decline_threshold > 0.5 && model.challenge_threshold < 0.5 => challenge \"ok\"");
    }

    @Test
    void theDefaultPolicyUsesTheModelsBands() {
        PolicySet policy = PolicyCompiler.compile(PolicyStore.defaultSource(),
                dev.farthing.risk.features.DefaultFeatureEngine.defaultSchema());
        var schema = policy.schema();
        PolicyInput in = new PolicyInput(TestPolicies.payment(100), new FeatureVector(schema,
                new double[schema.size()]), new RiskModel.Scores(0.25, Double.NaN), 0, BANDS);
        assertThat(policy.evaluate(in).hasReason("model_medium_risk")).isTrue();
        PolicyInput low = new PolicyInput(TestPolicies.payment(100), new FeatureVector(schema,
                new double[schema.size()]), new RiskModel.Scores(0.15, Double.NaN), 0, BANDS);
        assertThat(policy.evaluate(low).hasReason("model_medium_risk")).isFalse();
    }
}
