package dev.farthing.risk.features;

import dev.farthing.risk.graph.AccountGraph;
import dev.farthing.risk.graph.GraphMeasures;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.Arrays;

import static dev.farthing.risk.features.FeatureCatalog.*;

/**
 * The in-memory feature engine: bounded per-entity windows, HLL distinct counts, per-payer history and the
 * account graph (see {@link FeatureCatalog} for every feature). Single-writer and deterministic: time is
 * passed in, never read from a clock. {@link #snapshot()} / {@link #restore} carry the state over a restart.
 */
public final class DefaultFeatureEngine implements FeatureEngine {
    private final FeatureConfig config;
    // Not final: load() swaps in a snapshot's state (the decision thread's, before it decides).
    private EntityTables tables;
    private AccountGraph graph;
    private final GraphMeasures measures = new GraphMeasures();
    private final double[] scratch = new double[2];
    /** The payment's entities, looked up once per call (index = EntityKind ordinal; null = unknown/absent). */
    private final EntityState[] states = new EntityState[KINDS.length];
    private static final EntityKind[] KINDS = EntityKind.values();

    public DefaultFeatureEngine(FeatureConfig config) {
        this(config, new EntityTables(config, new WindowGeometry(config)), new AccountGraph(config.graph()));
    }

    DefaultFeatureEngine(FeatureConfig config, EntityTables tables, AccountGraph graph) {
        this.config = config;
        this.tables = tables;
        this.graph = graph;
    }

    /** The schema every {@link DefaultFeatureEngine} produces, whatever its configuration. */
    public static FeatureSchema defaultSchema() {
        return FeatureCatalog.SCHEMA;
    }

    public FeatureConfig config() {
        return config;
    }

    @Override
    public FeatureSchema schema() {
        return FeatureCatalog.SCHEMA;
    }

    @Override
    public FeatureVector extract(PaymentRequest payment, long atNanos) {
        double[] v = new double[SCHEMA.size()];
        Arrays.fill(v, Double.NaN);
        PaymentContext c = payment.context();
        int hour = hourOfDay(atNanos);
        paymentFeatures(payment, atNanos, hour, v);
        for (EntityKind kind : KINDS) {
            states[kind.ordinal()] = tables.get(kind, EntityTables.key(kind, payment));
        }
        windowFeatures(payment, atNanos, v);
        distinctFeatures(c, v);
        PayerFeatures.fill((PayerState) states[EntityKind.PAYER.ordinal()], c, payment.amount(), hour, atNanos,
                scratch, v);
        TelemetryFeatures.fill(c.telemetry(), v);
        EvidenceFeatures.fill(payment, (PayerState) states[EntityKind.PAYER.ordinal()],
                states[EntityKind.DEVICE.ordinal()], tables.get(EntityKind.PAYEE, payment.payer()), atNanos, v);
        graph.measure(payment.payer(), payment.payee(), c.deviceId(), c.ip(), c.instrumentId(), atNanos, measures);
        v[COMPONENT_SIZE] = measures.componentSize;
        v[PAYEE_COMPONENT_SHARE_1H_RATIO] = measures.componentIncomeShare;
        v[PAYEE_COMPONENT_PAYMENTS_1H] = measures.componentIncomePayments;
        v[CYCLE_HOPS] = measures.cycleHops;
        v[IP_LINK_CAPPED_FLAG] = measures.ipCapped;
        return new FeatureVector(SCHEMA, v);
    }

    @Override
    public void record(PaymentRequest payment, long atNanos, boolean moved) {
        PaymentContext c = payment.context();
        long amount = payment.amount();
        for (EntityKind kind : KINDS) {
            EntityState s = tables.touch(kind, EntityTables.key(kind, payment));
            states[kind.ordinal()] = s;
            if (s != null) {
                s.windows.add(atNanos, amount);
            }
        }
        PayerState payer = (PayerState) states[EntityKind.PAYER.ordinal()];
        PayerFeatures.record(payer, c, payment.payee(), amount, hourOfDay(atNanos), atNanos);
        EntityState payee = states[EntityKind.PAYEE.ordinal()];
        EvidenceFeatures.record(payment, payer, states[EntityKind.DEVICE.ordinal()], payee.first.estimate(), atNanos);
        payee.first.add(payment.payer());
        if (isYoung(c, atNanos)) {
            payee.second.add(payment.payer());
        }
        EntityState device = states[EntityKind.DEVICE.ordinal()];
        device.first.add(payment.payer());
        device.second.add(c.instrumentId());
        EntityState ip = states[EntityKind.IP.ordinal()];
        ip.first.add(payment.payer());
        ip.second.add(c.instrumentId());
        EntityState instrument = states[EntityKind.INSTRUMENT.ordinal()];
        if (instrument != null) {
            instrument.first.add(payment.payer());
        }
        graph.record(payment.payer(), payment.payee(), c.deviceId(), c.ip(), c.instrumentId(), amount, atNanos, moved);
    }

    private void paymentFeatures(PaymentRequest payment, long atNanos, int hour, double[] v) {
        PaymentContext c = payment.context();
        v[AMOUNT] = payment.amount();
        v[HOUR_OF_DAY] = hour;
        if (c.accountCreatedAtNanos() != PaymentContext.UNKNOWN) {
            v[ACCOUNT_AGE_S] = (atNanos - c.accountCreatedAtNanos()) / 1e9;
            v[YOUNG_ACCOUNT_FLAG] = isYoung(c, atNanos) ? 1 : 0;
        }
        if (c.contentStartedAtNanos() != PaymentContext.UNKNOWN) {
            v[CONSUMPTION_SPEED_S] = (atNanos - c.contentStartedAtNanos()) / 1e9;
        }
    }

    private void windowFeatures(PaymentRequest payment, long atNanos, double[] v) {
        for (EntityKind kind : KINDS) {
            if (EntityTables.key(kind, payment) == null) {
                continue; // no instrument / content: missing, not zero
            }
            EntityState s = states[kind.ordinal()];
            for (int w = 0; w < 3; w++) {
                v[COUNTS[kind.ordinal()][w]] = s == null ? 0 : s.windows.count(w, atNanos);
            }
        }
        sum(EntityKind.PAYER, SlidingWindows.MINUTE, atNanos, PAYER_SUM_1M, v);
        sum(EntityKind.PAYER, SlidingWindows.HOUR, atNanos, PAYER_SUM_1H, v);
        sum(EntityKind.PAYER, SlidingWindows.DAY, atNanos, PAYER_SUM_24H, v);
        sum(EntityKind.PAYEE, SlidingWindows.HOUR, atNanos, PAYEE_SUM_1H, v);
        sum(EntityKind.PAYEE, SlidingWindows.DAY, atNanos, PAYEE_SUM_24H, v);
        sum(EntityKind.DEVICE, SlidingWindows.HOUR, atNanos, DEVICE_SUM_1H, v);
        if (payment.context().instrumentId() != null) {
            sum(EntityKind.INSTRUMENT, SlidingWindows.HOUR, atNanos, INSTRUMENT_SUM_1H, v);
            double count = v[COUNTS[EntityKind.INSTRUMENT.ordinal()][SlidingWindows.HOUR]];
            if (count > 0) {
                v[INSTRUMENT_MEAN_AMOUNT_1H] = v[INSTRUMENT_SUM_1H] / count;
            }
        }
    }

    private void sum(EntityKind kind, int window, long atNanos, int index, double[] v) {
        EntityState s = states[kind.ordinal()];
        v[index] = s == null ? 0 : s.windows.sum(window, atNanos);
    }

    private void distinctFeatures(PaymentContext c, double[] v) {
        EntityState payee = states[EntityKind.PAYEE.ordinal()];
        v[PAYEE_DISTINCT_PAYERS] = payee == null ? 0 : payee.first.estimate();
        v[PAYEE_NEW_ACCOUNTS] = payee == null ? 0 : payee.second.estimate();
        EntityState device = states[EntityKind.DEVICE.ordinal()];
        v[DEVICE_DISTINCT_ACCOUNTS] = device == null ? 0 : device.first.estimate();
        v[DEVICE_DISTINCT_INSTRUMENTS] = device == null ? 0 : device.second.estimate();
        EntityState ip = states[EntityKind.IP.ordinal()];
        v[IP_DISTINCT_ACCOUNTS] = ip == null ? 0 : ip.first.estimate();
        v[IP_DISTINCT_INSTRUMENTS] = ip == null ? 0 : ip.second.estimate();
        if (c.instrumentId() != null) {
            EntityState instrument = states[EntityKind.INSTRUMENT.ordinal()];
            v[INSTRUMENT_DISTINCT_ACCOUNTS] = instrument == null ? 0 : instrument.first.estimate();
        }
    }

    private boolean isYoung(PaymentContext c, long atNanos) {
        return c.accountCreatedAtNanos() != PaymentContext.UNKNOWN
                && atNanos - c.accountCreatedAtNanos() < config.youngAccountNanos();
    }

    static int hourOfDay(long atNanos) {
        return (int) Math.floorMod(Math.floorDiv(atNanos, FeatureConfig.HOUR), 24L);
    }

    /** Entities of each kind tracked now, e.g. {@code tracked("device")}; for monitoring and tests. */
    public int tracked(String kindPrefix) {
        for (EntityKind kind : KINDS) {
            if (kind.prefix.equals(kindPrefix)) {
                return tables.size(kind);
            }
        }
        throw new IllegalArgumentException("unknown entity kind: " + kindPrefix);
    }

    /** The account graph (read-only use: sizes and resets for monitoring). */
    public AccountGraph graph() {
        return graph;
    }

    /** The whole state, checksummed; {@link #restore} rebuilds an engine that extracts identical features. */
    public byte[] snapshot() {
        return FeatureSnapshot.write(config, tables, graph);
    }

    /**
     * Replaces this engine's state with a {@link #snapshot()}'s (taken under the same config), for a restart that
     * restores rather than replays; throws {@link FeatureSnapshotException} on corruption, leaving the state as it was.
     */
    public void load(byte[] snapshot) {
        DefaultFeatureEngine restored = FeatureSnapshot.read(snapshot, config);
        this.tables = restored.tables;
        this.graph = restored.graph;
    }

    /** Rebuilds an engine from {@link #snapshot()}; throws {@link FeatureSnapshotException} on corruption. */
    public static DefaultFeatureEngine restore(byte[] snapshot, FeatureConfig config) {
        return FeatureSnapshot.read(snapshot, config);
    }
}
