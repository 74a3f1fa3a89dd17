package dev.farthing.risk.features;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static dev.farthing.risk.features.Payments.S;
import static dev.farthing.risk.features.Payments.T0;
import static dev.farthing.risk.features.Payments.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The evidence features: quiet for novelty alone, growing only with repeated behaviour. */
class EvidenceFeaturesTest {
    private static final List<String> EVIDENCE = List.of("payer_fresh_payees_1h_count", "device_new_payers_24h_count",
            "payer_count_1h_vs_day_ratio", "payer_spend_1h_vs_day_ratio", "payer_received_sum_24h",
            "payer_passthrough_24h_ratio");
    private final DefaultFeatureEngine engine = new DefaultFeatureEngine(FeatureConfig.defaults());

    @Test
    void aFirstPaymentFromANewDeviceToANewPayeeOnASharedAddressIsQuiet() {
        // a busy carrier-NAT address and a busy creator exist; the newcomer has done nothing yet
        for (int i = 0; i < 50; i++) {
            engine.record(pay("fan" + i, "star").device("d" + i).ip("100.64.0.1").build(), T0 + i * S, true);
        }
        FeatureVector v = engine.extract(pay("newcomer", "brand-new-creator").amount(36_300).device("fresh")
                .ip("100.64.0.1").build(), T0 + 60 * S);
        assertThat(v.get("payer_fresh_payees_1h_count")).isZero();
        assertThat(v.get("device_new_payers_24h_count")).isZero();
        assertThat(v.get("payer_count_1h_vs_day_ratio")).isEqualTo(1);
        assertThat(v.get("payer_spend_1h_vs_day_ratio")).isEqualTo(1);
        assertThat(v.get("payer_received_sum_24h")).isZero();
        assertThat(v.get("payer_passthrough_24h_ratio")).isZero();
    }

    @Test
    void fanOutToFreshPayeesCountsDistinctFreshOnesWithinTheHour() {
        for (int i = 0; i < 5; i++) {
            engine.record(pay("mule", "fresh" + i).build(), T0 + i * 60 * S, true);
        }
        engine.record(pay("mule", "fresh0").build(), T0 + 400 * S, true); // a repeat is not a new one
        assertThat(engine.extract(pay("mule", "fresh9").build(), T0 + 600 * S).get("payer_fresh_payees_1h_count"))
                .isEqualTo(5);
        // the payee being paid now is not counted against the payment
        assertThat(engine.extract(pay("mule", "fresh4").build(), T0 + 600 * S).get("payer_fresh_payees_1h_count"))
                .isEqualTo(4);
        // an hour later they have aged out
        assertThat(engine.extract(pay("mule", "fresh9").build(), T0 + 2 * 3600 * S).get("payer_fresh_payees_1h_count"))
                .isZero();
    }

    @Test
    void payingEstablishedCreatorsIsNotFanOutToFreshPayees() {
        for (int c = 0; c < 5; c++) {
            for (int i = 0; i < 5; i++) {
                engine.record(pay("fan" + i, "creator" + c).device("fd" + i).build(), T0 + (c * 5 + i) * S, true);
            }
        }
        for (int c = 0; c < 5; c++) {
            engine.record(pay("reader", "creator" + c).device("rd").build(), T0 + (100 + c * 60) * S, true);
        }
        assertThat(engine.extract(pay("reader", "creator9").device("rd").build(), T0 + 600 * S)
                .get("payer_fresh_payees_1h_count")).isZero();
    }

    @Test
    void aDeviceTakenUpByManyAccountsTodayDiffersFromAFamilyTablet() {
        for (int day = 0; day < 3; day++) {
            for (String member : List.of("mum", "dad", "kid")) {
                engine.record(pay(member, "news").device("tablet").build(), T0 + day * 86_400 * S, true);
            }
        }
        long later = T0 + 3 * 86_400 * S;
        assertThat(engine.extract(pay("mum", "news").device("tablet").build(), later)
                .get("device_new_payers_24h_count")).isZero();
        for (int i = 0; i < 6; i++) {
            engine.record(pay("farm" + i, "target").device("rig").build(), later + i * 60 * S, true);
        }
        FeatureVector farm = engine.extract(pay("farm6", "target").device("rig").build(), later + 600 * S);
        assertThat(farm.get("device_new_payers_24h_count")).isEqualTo(6);
        // the payer's own first use of the device is not counted against it
        assertThat(engine.extract(pay("farm0", "target").device("rig").build(), later + 600 * S)
                .get("device_new_payers_24h_count")).isEqualTo(5);
    }

    @Test
    void aBurstIsMeasuredAgainstThePayersOwnDay() {
        // a steady viewer: 23 payments an hour for the past day
        long at = T0;
        for (int h = 0; h < 24; h++) {
            for (int i = 0; i < 23; i++) {
                engine.record(pay("viewer", "stream").amount(10).build(), at, true);
                at += 3600 * S / 23;
            }
        }
        FeatureVector steady = engine.extract(pay("viewer", "stream").amount(10).build(), at);
        assertThat(steady.get("payer_count_1h_vs_day_ratio")).isLessThan(1.5);
        assertThat(steady.get("payer_spend_1h_vs_day_ratio")).isLessThan(1.5);
        // a quiet account that suddenly makes 20 payments of 500 within ten minutes
        engine.record(pay("quiet", "x").amount(100).build(), T0, true);
        for (int i = 0; i < 20; i++) {
            engine.record(pay("quiet", "y").amount(500).build(), at - 600 * S + i * 30 * S, true);
        }
        FeatureVector burst = engine.extract(pay("quiet", "y").amount(500).build(), at);
        assertThat(burst.get("payer_count_1h_vs_day_ratio")).isCloseTo(21.0 / (1 + 1.0 / 23), within(1e-9));
        assertThat(burst.get("payer_spend_1h_vs_day_ratio")).isCloseTo(10_500 / (500 + 100.0 / 23), within(1e-9));
    }

    @Test
    void moneyPassedOnAsItArrivesIsPassThrough() {
        engine.record(pay("source", "mule").amount(1_000).build(), T0, true);
        engine.record(pay("mule", "next").amount(900).build(), T0 + 60 * S, true);
        FeatureVector v = engine.extract(pay("mule", "next").amount(90).build(), T0 + 120 * S);
        assertThat(v.get("payer_received_sum_24h")).isEqualTo(1_000);
        assertThat(v.get("payer_passthrough_24h_ratio")).isCloseTo(0.99, within(1e-12));
    }

    @Test
    void evidenceStateSurvivesASnapshot() {
        long seed = Payments.seed();
        Random r = new Random(seed);
        long at = T0;
        for (int i = 0; i < 2_000; i++) {
            engine.record(Payments.random(r, at), at, r.nextBoolean());
            at += (1 + r.nextInt(30)) * S;
        }
        DefaultFeatureEngine restored = DefaultFeatureEngine.restore(engine.snapshot(), engine.config());
        for (int i = 0; i < 200; i++) {
            var p = Payments.random(r, at);
            FeatureVector a = engine.extract(p, at);
            FeatureVector b = restored.extract(p, at);
            for (String name : EVIDENCE) {
                assertThat(b.get(name)).as(name + " (seed " + seed + ")").isEqualTo(a.get(name));
            }
            at += S;
        }
    }

    @Test
    void aVersionOneSnapshotWithoutEvidenceStateStillReads() {
        byte[] snapshot = new DefaultFeatureEngine(FeatureConfig.defaults()).snapshot();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(snapshot);
        assertThat(b.getInt(4)).isEqualTo(FeatureSnapshot.VERSION);
        b.putInt(4, 1); // an empty engine's payload is the same in both versions
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(snapshot, 0, snapshot.length - 4);
        b.putInt(snapshot.length - 4, (int) crc.getValue());
        DefaultFeatureEngine restored = DefaultFeatureEngine.restore(snapshot, FeatureConfig.defaults());
        assertThat(restored.extract(pay("a", "b").build(), T0).get("payer_fresh_payees_1h_count")).isZero();
    }
}
