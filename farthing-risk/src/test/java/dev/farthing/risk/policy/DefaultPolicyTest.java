package dev.farthing.risk.policy;

import dev.farthing.model.RiskModel;
import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.features.FeatureSchema;
import dev.farthing.risk.features.FeatureVector;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled default policy compiles against the engine's real schema and has a rule for every attack. */
class DefaultPolicyTest {
    private static final FeatureSchema SCHEMA = DefaultFeatureEngine.defaultSchema();
    private static final PolicySet POLICY = PolicyCompiler.compile(PolicyStore.defaultSource(), SCHEMA);

    private static PolicyDecision decide(Map<String, Double> known, RiskModel.Scores scores) {
        double[] values = new double[SCHEMA.size()];
        Arrays.fill(values, Double.NaN);
        known.forEach((name, v) -> values[SCHEMA.indexOf(name)] = v);
        return POLICY.evaluate(new PolicyInput(TestPolicies.payment(25), new FeatureVector(SCHEMA, values), scores, 0));
    }

    @Test
    void compilesAndIsNamedDefault() {
        assertThat(POLICY.name()).isEqualTo("default");
        assertThat(POLICY.rules()).hasSizeGreaterThan(20);
    }

    @Test
    void nothingKnownMeansApproved() {
        assertThat(decide(Map.of(), null)).isEqualTo(PolicyDecision.approveWithoutReasons());
    }

    @Test
    void everyAttackPatternHasARule() {
        // Regular timing and volume alone are a platform's pricing (a stream billed every 15 s): they need the model.
        assertThat(decide(Map.of("payer_gap_cv_1h", 0.01, "payer_count_1h", 95.0), null).action())
                .isEqualTo(Action.APPROVE);
        assertThat(decide(Map.of("payer_gap_cv_1h", 0.01, "payer_count_1h", 95.0), new RiskModel.Scores(0.05, Double.NaN)).action())
                .isEqualTo(Action.DECLINE);
        assertThat(decide(Map.of("device_distinct_accounts_count", 9.0), null).hasReason("account_farm_shared_device"))
                .isTrue();
        assertThat(decide(Map.of("payer_count_1m", 12.0), null).hasReason("velocity_burst")).isTrue();
        assertThat(decide(Map.of("payee_component_share_1h_ratio", 0.9, "component_size_count", 12.0,
                "payee_component_payments_1h_count", 30.0), new RiskModel.Scores(0.05, Double.NaN))
                .hasReason("view_bot_linked_audience")).isTrue(); // a linked audience alone is not enough: fan clubs
        assertThat(decide(Map.of("device_distinct_instruments_count", 6.0), null).hasReason("card_testing")).isTrue();
        assertThat(decide(Map.of("payment_cycle_hops", 3.0), null).hasReason("mule_ring_cycle")).isTrue();
        assertThat(decide(Map.of("payer_new_device_flag", 1.0, "payer_new_ip_flag", 1.0,
                "payer_baseline_deviation_score", 5.0), new RiskModel.Scores(0.05, Double.NaN))
                .hasReason("account_takeover_suspected")).isTrue();
        assertThat(decide(Map.of("payer_new_device_flag", 1.0, "payer_country_change_flag", 1.0,
                "payer_baseline_deviation_score", 5.0), null).hasReason("account_takeover_likely")).isTrue();
        // The model alone is not evidence: challenged; with a velocity burst beside it, declined.
        PolicyDecision alone = decide(Map.of(), new RiskModel.Scores(0.99, Double.NaN));
        assertThat(alone.action()).isEqualTo(Action.CHALLENGE);
        assertThat(alone.reasons().getFirst().code()).isEqualTo("downgraded_no_evidence");
        assertThat(alone.reasons().getFirst().detail()).startsWith("declined downgraded: no corroborating evidence");
        assertThat(decide(Map.of("payer_count_1m", 9.0), new RiskModel.Scores(0.99, Double.NaN)).action())
                .isEqualTo(Action.DECLINE);
    }

    @Test
    void anOrdinaryPayerIsApproved() {
        PolicyDecision d = decide(Map.of("payer_count_1h", 3.0, "payer_gap_cv_1h", 0.8, "payer_count_1m", 1.0,
                "device_distinct_accounts_count", 1.0, "payment_cycle_hops", 0.0, "payer_new_device_flag", 0.0,
                "telemetry_bot_signals_count", 0.0), new RiskModel.Scores(0.02, 0.4));
        assertThat(d.action()).isEqualTo(Action.APPROVE);
    }
}
