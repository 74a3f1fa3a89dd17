package dev.farthing.risk.features;

import dev.farthing.contracts.payment.PaymentRequest;
import org.junit.jupiter.api.Test;

import static dev.farthing.risk.features.Payments.S;
import static dev.farthing.risk.features.Payments.T0;
import static dev.farthing.risk.features.Payments.pay;
import static org.assertj.core.api.Assertions.assertThat;

/** Windows hand-computed at bucket edges with the default granularity: 6 × 10 s, 12 × 5 min, 24 × 1 h. */
class SlidingWindowsTest {
    private final DefaultFeatureEngine engine = new DefaultFeatureEngine(FeatureConfig.defaults());

    private void record(long at, long amount) {
        engine.record(pay("alice", "bob").amount(amount).build(), at, true);
    }

    private double feature(String name, long at) {
        PaymentRequest probe = pay("alice", "bob").amount(1).build();
        return engine.extract(probe, at).get(name);
    }

    @Test
    void minuteWindowCountsTheCurrentBucketAndTheFiveBefore() {
        record(T0, 1);                  // 10 s bucket 0
        record(T0 + 10 * S - 1, 2);     // still bucket 0 (last nanosecond)
        record(T0 + 10 * S, 4);         // bucket 1
        record(T0 + 59 * S, 8);         // bucket 5

        assertThat(feature("payer_count_1m", T0 + 59 * S)).isEqualTo(4);
        assertThat(feature("payer_sum_1m", T0 + 59 * S)).isEqualTo(15);
        // at 60 s bucket 6 opens and bucket 0 (the first two) leaves the window
        assertThat(feature("payer_count_1m", T0 + 60 * S)).isEqualTo(2);
        assertThat(feature("payer_sum_1m", T0 + 60 * S)).isEqualTo(12);
        assertThat(feature("payer_count_1m", T0 + 70 * S - 1)).isEqualTo(2);
        assertThat(feature("payer_count_1m", T0 + 70 * S)).isEqualTo(1);
        assertThat(feature("payer_sum_1m", T0 + 70 * S)).isEqualTo(8);
        assertThat(feature("payer_count_1m", T0 + 120 * S)).isZero();
        assertThat(feature("payee_count_1m", T0 + 59 * S)).isEqualTo(4);
    }

    @Test
    void hourAndDayWindowsEmptyAtTheirEdges() {
        record(T0, 5);
        record(T0 + 299 * S, 5);        // 5 min bucket 0
        record(T0 + 300 * S, 7);        // 5 min bucket 1

        assertThat(feature("payer_count_1h", T0 + 3600 * S - 1)).isEqualTo(3);
        assertThat(feature("payer_sum_1h", T0 + 3600 * S - 1)).isEqualTo(17);
        assertThat(feature("payer_count_1h", T0 + 3600 * S)).isEqualTo(1);
        assertThat(feature("payer_sum_1h", T0 + 3600 * S)).isEqualTo(7);
        assertThat(feature("payer_count_1h", T0 + 3900 * S)).isZero();
        assertThat(feature("payer_count_24h", T0 + 86_400 * S - 1)).isEqualTo(3);
        assertThat(feature("payer_sum_24h", T0 + 86_400 * S - 1)).isEqualTo(17);
        assertThat(feature("payer_count_24h", T0 + 86_400 * S)).isZero();
    }

    @Test
    void ringReuseClearsStaleBucketsAndDropsTooOldEvents() {
        record(T0, 1);
        record(T0 + 65 * S, 2);         // bucket 6 reuses bucket 0's slot: the old count must be gone
        assertThat(feature("payer_count_1m", T0 + 65 * S)).isEqualTo(1);
        record(T0 + 5 * S, 100);        // older than the minute ring: dropped there, kept in hour and day
        assertThat(feature("payer_sum_1m", T0 + 65 * S)).isEqualTo(2);
        assertThat(feature("payer_sum_1h", T0 + 65 * S)).isEqualTo(103);
        record(T0 + 3 * 86_400 * S, 9); // days later: every ring starts over
        assertThat(feature("payer_count_24h", T0 + 3 * 86_400 * S)).isEqualTo(1);
    }

    @Test
    void absentInstrumentAndContentAreMissingNotZero() {
        record(T0, 1);
        PaymentRequest probe = pay("alice", "bob").build();
        FeatureVector v = engine.extract(probe, T0 + S);
        assertThat(v.get("instrument_count_1h")).isNaN();
        assertThat(v.get("content_count_1m")).isNaN();
        assertThat(v.get("device_count_1m")).isEqualTo(1);
        assertThat(v.get("ip_count_24h")).isEqualTo(1);
    }
}
