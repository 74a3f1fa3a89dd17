package dev.farthing.risk.features;

import org.junit.jupiter.api.Test;

import static dev.farthing.risk.features.Payments.S;
import static dev.farthing.risk.features.Payments.T0;
import static dev.farthing.risk.features.Payments.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DistinctCountTest {
    private final DefaultFeatureEngine engine = new DefaultFeatureEngine(FeatureConfig.defaults());

    @Test
    void smallCardinalitiesAreExact() {
        for (int i = 0; i < 12; i++) {
            engine.record(pay("farm-" + (i % 6), "creator").device("shared").ip("9.9.9.9").instrument("card-" + (i % 3))
                    .createdAt(T0 - 3600 * S).build(), T0 + i * S, true);
        }
        FeatureVector v = engine.extract(pay("farm-0", "creator").device("shared").ip("9.9.9.9").instrument("card-0").build(),
                T0 + 20 * S);
        assertThat(v.get("device_distinct_accounts_count")).isCloseTo(6, within(0.01));
        assertThat(v.get("ip_distinct_accounts_count")).isCloseTo(6, within(0.01));
        assertThat(v.get("device_distinct_instruments_count")).isCloseTo(3, within(0.01));
        assertThat(v.get("ip_distinct_instruments_count")).isCloseTo(3, within(0.01));
        assertThat(v.get("instrument_distinct_accounts_count")).isCloseTo(2, within(0.01));
        assertThat(v.get("payee_new_accounts_count")).isCloseTo(6, within(0.01));
        assertThat(v.get("payee_distinct_payers_count")).isCloseTo(6, within(0.01));
        assertThat(v.get("payer_distinct_payees_count")).isCloseTo(1, within(0.01));
    }

    @Test
    void largeCardinalitiesAreWithinTheSketchError() {
        int n = 5000;
        for (int i = 0; i < n; i++) {
            // old accounts: they count as payers but not as new accounts
            engine.record(pay("user-" + i, "creator").device("kiosk").createdAt(T0 - 365 * 86_400 * S).build(), T0 + i, true);
        }
        FeatureVector v = engine.extract(pay("x", "creator").device("kiosk").build(), T0 + n);
        // lgK = 8: relative standard error about 1.04 / 16 = 6.5%; allow three of them
        assertThat(v.get("device_distinct_accounts_count")).isCloseTo(n, within(n * 0.195));
        assertThat(v.get("payee_distinct_payers_count")).isCloseTo(n, within(n * 0.195));
        assertThat(v.get("payee_new_accounts_count")).isZero();
    }
}
