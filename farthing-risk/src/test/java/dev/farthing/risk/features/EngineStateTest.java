package dev.farthing.risk.features;

import dev.farthing.risk.graph.GraphLimits;
import dev.farthing.contracts.payment.PaymentRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.farthing.risk.features.Payments.S;
import static dev.farthing.risk.features.Payments.T0;
import static dev.farthing.risk.features.Payments.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Determinism, bounds under floods, snapshot round trip and corruption. */
class EngineStateTest {

    private static List<PaymentRequest> traffic(long seed, int n, List<Long> times) {
        Random r = new Random(seed);
        List<PaymentRequest> out = new ArrayList<>();
        long at = T0;
        for (int i = 0; i < n; i++) {
            at += r.nextInt(20) * S + r.nextInt(1000);
            times.add(at);
            out.add(Payments.random(r, at));
        }
        return out;
    }

    private static List<FeatureVector> run(DefaultFeatureEngine engine, List<PaymentRequest> payments, List<Long> times,
                                           int from, int to) {
        List<FeatureVector> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(engine.extract(payments.get(i), times.get(i)));
            engine.record(payments.get(i), times.get(i), i % 5 != 0);
        }
        return out;
    }

    @Test
    void sameInputsGiveSameVectors() {
        long seed = Payments.seed();
        List<Long> times = new ArrayList<>();
        List<PaymentRequest> payments = traffic(seed, 3000, times);
        List<FeatureVector> first = run(new DefaultFeatureEngine(FeatureConfig.defaults()), payments, times, 0, 3000);
        List<FeatureVector> second = run(new DefaultFeatureEngine(FeatureConfig.defaults()), payments, times, 0, 3000);
        assertThat(second).isEqualTo(first);
        assertThat(first.get(2999).get("payer_count_24h")).isPositive(); // the traffic really exercised the engine
    }

    @Test
    void extractChangesNothing() {
        DefaultFeatureEngine engine = new DefaultFeatureEngine(FeatureConfig.defaults());
        long seed = Payments.seed();
        List<Long> times = new ArrayList<>();
        List<PaymentRequest> payments = traffic(seed, 500, times);
        run(engine, payments, times, 0, 500);
        byte[] before = engine.snapshot();
        for (int i = 0; i < 500; i++) {
            engine.extract(payments.get(i), times.get(499) + i * S);
        }
        assertThat(engine.snapshot()).isEqualTo(before);
    }

    @Test
    void snapshotRoundTripGivesIdenticalFeatures() {
        long seed = Payments.seed();
        List<Long> times = new ArrayList<>();
        List<PaymentRequest> payments = traffic(seed, 4000, times);
        DefaultFeatureEngine original = new DefaultFeatureEngine(FeatureConfig.defaults());
        run(original, payments, times, 0, 2000);
        byte[] snapshot = original.snapshot();
        DefaultFeatureEngine restored = DefaultFeatureEngine.restore(snapshot, FeatureConfig.defaults());
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(run(restored, payments, times, 2000, 4000)).isEqualTo(run(original, payments, times, 2000, 4000));
    }

    @Test
    void corruptTruncatedOrForeignSnapshotsAreRefused() {
        DefaultFeatureEngine engine = new DefaultFeatureEngine(FeatureConfig.defaults());
        List<Long> times = new ArrayList<>();
        run(engine, traffic(42, 300, times), times, 0, 300);
        byte[] good = engine.snapshot();
        long seed = Payments.seed();
        Random r = new Random(seed);
        for (int trial = 0; trial < 50; trial++) {
            byte[] bad = good.clone();
            bad[r.nextInt(bad.length)] ^= (byte) (1 + r.nextInt(255));
            assertThatThrownBy(() -> DefaultFeatureEngine.restore(bad, FeatureConfig.defaults()))
                    .isInstanceOfSatisfying(FeatureSnapshotException.class,
                            e -> assertThat(e.code()).isEqualTo(FeatureSnapshotException.CORRUPT));
        }
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
        assertThatThrownBy(() -> DefaultFeatureEngine.restore(truncated, FeatureConfig.defaults()))
                .isInstanceOf(FeatureSnapshotException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> DefaultFeatureEngine.restore(new byte[3], FeatureConfig.defaults()))
                .isInstanceOf(FeatureSnapshotException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> DefaultFeatureEngine.restore(good, FeatureConfig.defaults().withMaxEntitiesPerKind(7)))
                .isInstanceOfSatisfying(FeatureSnapshotException.class,
                        e -> assertThat(e.code()).isEqualTo(FeatureSnapshotException.CONFIG_MISMATCH));
    }

    @Test
    void aFloodOfDistinctEntitiesStaysBounded() {
        GraphLimits graph = new GraphLimits(2_000, 500, 16, 4, 8, 8, 32, 4, 86_400 * S, 3600 * S);
        FeatureConfig config = FeatureConfig.defaults().withMaxEntitiesPerKind(500).withGraph(graph);
        DefaultFeatureEngine engine = new DefaultFeatureEngine(config);
        int snapshotAfter20k = 0;
        for (int i = 0; i < 60_000; i++) {
            engine.record(pay("payer-" + i, "payee-" + i).device("dev-" + i).ip("ip-" + i).instrument("card-" + i)
                    .content("c-" + i, T0).build(), T0 + i * S / 10, true);
            if (i == 19_999) {
                snapshotAfter20k = engine.snapshot().length;
            }
        }
        for (String kind : new String[] {"payer", "payee", "device", "ip", "instrument", "content"}) {
            assertThat(engine.tracked(kind)).as(kind).isEqualTo(500);
        }
        assertThat(engine.graph().accounts()).isLessThanOrEqualTo(2_000);
        // state size is flat: three times the traffic, about the same snapshot
        assertThat((double) engine.snapshot().length).isLessThan(snapshotAfter20k * 1.2);
        // the most recent entities survive eviction, the oldest do not
        FeatureVector recent = engine.extract(pay("payer-59999", "x").build(), T0 + 6000 * S);
        FeatureVector evicted = engine.extract(pay("payer-0", "x").build(), T0 + 6000 * S);
        assertThat(recent.get("payer_history_count")).isEqualTo(1);
        assertThat(evicted.get("payer_history_count")).isZero();
    }
}
