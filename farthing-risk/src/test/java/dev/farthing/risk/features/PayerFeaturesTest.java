package dev.farthing.risk.features;

import dev.farthing.contracts.payment.PaymentContext.Telemetry;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.farthing.risk.features.Payments.S;
import static dev.farthing.risk.features.Payments.T0;
import static dev.farthing.risk.features.Payments.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PayerFeaturesTest {
    private final DefaultFeatureEngine engine = new DefaultFeatureEngine(FeatureConfig.defaults());

    @Test
    void gapCvIsHandComputedAndNeedsThreeGaps() {
        engine.record(pay("bot", "x").build(), T0, true);
        engine.record(pay("bot", "x").build(), T0 + 10 * S, true);
        // gaps so far 10, and 30 to the probe: only 2 gaps
        assertThat(engine.extract(pay("bot", "x").build(), T0 + 40 * S).get("payer_gap_cv_1h")).isNaN();
        engine.record(pay("bot", "x").build(), T0 + 30 * S, true);
        // gaps 10, 20, 30: mean 20, population sd sqrt(200/3)
        FeatureVector v = engine.extract(pay("bot", "x").build(), T0 + 60 * S);
        assertThat(v.get("payer_gap_cv_1h")).isCloseTo(Math.sqrt(200.0 / 3) / 20, within(1e-12));
        assertThat(v.get("payer_gap_mean_1h_s")).isCloseTo(20, within(1e-12));
        assertThat(v.get("payer_since_last_s")).isEqualTo(30);
    }

    @Test
    void regularGapsHaveZeroCvAndJitteredGapsDoNot() {
        long seed = Payments.seed();
        Random r = new Random(seed);
        long bot = T0;
        long human = T0;
        for (int i = 0; i < 20; i++) {
            engine.record(pay("bot", "x").build(), bot, true);
            engine.record(pay("human", "x").build(), human, true);
            bot += 30 * S;
            human += (long) (-Math.log(1 - r.nextDouble()) * 30 * S) + 1; // exponential gaps, mean 30 s
        }
        assertThat(engine.extract(pay("bot", "x").build(), bot).get("payer_gap_cv_1h")).isZero();
        assertThat(engine.extract(pay("human", "x").build(), human).get("payer_gap_cv_1h")).isGreaterThan(0.4);
    }

    @Test
    void impossibleTravelFromParisToNewYorkInAnHour() {
        engine.record(pay("alice", "x").geo(48.8566, 2.3522).country("FR").build(), T0, true);
        FeatureVector v = engine.extract(pay("alice", "x").geo(40.7128, -74.0060).country("US").build(), T0 + 3600 * S);
        assertThat(v.get("payer_travel_distance_km")).isCloseTo(5837, within(30.0));
        assertThat(v.get("payer_travel_speed_kmh")).isCloseTo(v.get("payer_travel_distance_km") - 10, within(1e-9));
        assertThat(v.get("payer_country_change_flag")).isEqualTo(1);
        // a few km of geolocation jitter a second later is no travel at all
        FeatureVector still = engine.extract(pay("alice", "x").geo(48.86, 2.36).country("FR").build(), T0 + S);
        assertThat(still.get("payer_travel_speed_kmh")).isZero();
        assertThat(still.get("payer_country_change_flag")).isZero();
    }

    @Test
    void takeoverLooksLikeNewDeviceNewIpAndAnUnusualAmountAndHour() {
        for (int day = 0; day < 20; day++) {
            engine.record(pay("alice", "x").amount(100).device("phone").ip("1.1.1.1").build(),
                    T0 + day * 86_400 * S + 10 * 3600 * S, true);
        }
        long at = T0 + 21 * 86_400 * S + 3 * 3600 * S;
        FeatureVector usual = engine.extract(pay("alice", "x").amount(100).device("phone").ip("1.1.1.1").build(),
                T0 + 21 * 86_400 * S + 10 * 3600 * S);
        FeatureVector odd = engine.extract(pay("alice", "x").amount(10_000).device("laptop").ip("6.6.6.6").build(), at);
        assertThat(usual.get("payer_new_device_flag")).isZero();
        assertThat(usual.get("payer_new_ip_flag")).isZero();
        assertThat(usual.get("payer_baseline_deviation_score")).isZero();
        assertThat(usual.get("payer_amount_percentile_ratio")).isEqualTo(0.5);
        assertThat(odd.get("payer_new_device_flag")).isEqualTo(1);
        assertThat(odd.get("payer_new_ip_flag")).isEqualTo(1);
        // 100 has bit length 7, 10,000 has 14; hour 3 was never used: +2
        assertThat(odd.get("payer_amount_deviation_log2")).isEqualTo(7);
        assertThat(odd.get("payer_hour_share_ratio")).isZero();
        assertThat(odd.get("payer_baseline_deviation_score")).isEqualTo(9);
        assertThat(odd.get("payer_amount_percentile_ratio")).isEqualTo(1);
        assertThat(odd.get("payer_device_age_s")).isZero();
        assertThat(usual.get("payer_device_age_s")).isEqualTo(21 * 86_400);
        assertThat(odd.get("payer_history_span_s")).isEqualTo(21 * 86_400 - 7 * 3600);

        // the attacker keeps using the new device: no longer new, but hours old against weeks of history
        engine.record(pay("alice", "x").amount(10_000).device("laptop").ip("6.6.6.6").build(), at, true);
        FeatureVector later = engine.extract(pay("alice", "x").device("laptop").ip("6.6.6.6").build(), at + 3600 * S);
        assertThat(later.get("payer_new_device_flag")).isZero();
        assertThat(later.get("payer_device_age_s")).isEqualTo(3600);
        assertThat(later.get("payer_ip_age_s")).isEqualTo(3600);
    }

    @Test
    void unknownPayerHasMissingHistoryNotZero() {
        FeatureVector v = engine.extract(pay("new", "x").build(), T0);
        assertThat(v.get("payer_history_count")).isZero();
        assertThat(v.get("payer_new_device_flag")).isNaN();
        assertThat(v.get("payer_gap_cv_1h")).isNaN();
        assertThat(v.get("payer_travel_speed_kmh")).isNaN();
        assertThat(v.get("account_age_s")).isNaN();
    }

    @Test
    void accountAgeConsumptionSpeedAndTelemetry() {
        FeatureVector v = engine.extract(pay("a", "x").createdAt(T0 - 3600 * S).content("art-1", T0 - 2 * S)
                .telemetry(new Telemetry(new int[] {100, 100, 100, 100}, 0, 1.0, 0.0)).build(), T0);
        assertThat(v.get("account_age_s")).isEqualTo(3600);
        assertThat(v.get("young_account_flag")).isEqualTo(1);
        assertThat(v.get("consumption_speed_s")).isEqualTo(2);
        assertThat(v.get("keystroke_interval_cv_ratio")).isZero();
        assertThat(v.get("telemetry_bot_signals_count")).isEqualTo(4);
        assertThat(v.get("telemetry_missing_flag")).isZero();

        FeatureVector human = engine.extract(pay("a", "x").telemetry(new Telemetry(new int[] {80, 200, 140, 320},
                37, 0.6, 0.02)).build(), T0);
        // intervals 80, 200, 140, 320: mean 185, population sd sqrt(7875)
        assertThat(human.get("keystroke_interval_cv_ratio")).isCloseTo(Math.sqrt(7875) / 185, within(1e-12));
        assertThat(human.get("telemetry_bot_signals_count")).isZero();
        assertThat(engine.extract(pay("a", "x").build(), T0).get("telemetry_missing_flag")).isEqualTo(1);
    }
}
