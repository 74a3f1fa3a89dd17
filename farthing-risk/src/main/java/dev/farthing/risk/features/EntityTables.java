package dev.farthing.risk.features;

import dev.farthing.risk.graph.BoundedLru;
import dev.farthing.contracts.payment.PaymentRequest;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** One bounded least-recently-seen table per {@link EntityKind}. */
final class EntityTables {
    private final FeatureConfig config;
    private final WindowGeometry geometry;
    private final BoundedLru<EntityState>[] tables;

    @SuppressWarnings("unchecked")
    EntityTables(FeatureConfig config, WindowGeometry geometry) {
        this.config = config;
        this.geometry = geometry;
        this.tables = new BoundedLru[EntityKind.values().length];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = new BoundedLru<>(config.maxEntitiesPerKind());
        }
    }

    static String key(EntityKind kind, PaymentRequest payment) {
        return switch (kind) {
            case PAYER -> payment.payer();
            case PAYEE -> payment.payee();
            case DEVICE -> payment.context().deviceId();
            case IP -> payment.context().ip();
            case INSTRUMENT -> payment.context().instrumentId();
            case CONTENT -> payment.context().contentId();
        };
    }

    /** The state of the entity, or null when unknown or the key is absent; changes nothing. */
    EntityState get(EntityKind kind, String key) {
        return key == null ? null : tables[kind.ordinal()].get(key);
    }

    /** The state of the entity, created if new, marked most recently seen. Null only for a null key. */
    EntityState touch(EntityKind kind, String key) {
        if (key == null) {
            return null;
        }
        BoundedLru<EntityState> table = tables[kind.ordinal()];
        EntityState state = table.touch(key);
        if (state == null) {
            state = create(kind);
            table.put(key, state);
        }
        return state;
    }

    private EntityState create(EntityKind kind) {
        return switch (kind) {
            case PAYER -> new PayerState(geometry, config);
            case DEVICE -> new DeviceState(geometry, config);
            default -> new EntityState(geometry, config.hllLgK());
        };
    }

    int size(EntityKind kind) {
        return tables[kind.ordinal()].size();
    }

    void writeTo(DataOutput out) throws IOException {
        for (BoundedLru<EntityState> table : tables) {
            out.writeInt(table.size());
            for (String key : table.keysEldestFirst()) {
                out.writeUTF(key);
                table.get(key).writeTo(out);
            }
        }
    }

    void readFrom(DataInput in, int version) throws IOException {
        for (EntityKind kind : EntityKind.values()) {
            BoundedLru<EntityState> table = tables[kind.ordinal()];
            int n = in.readInt();
            if (n < 0 || n > table.capacity()) {
                throw new IOException(kind.prefix + " table size out of range: " + n);
            }
            for (int i = 0; i < n; i++) {
                String key = in.readUTF();
                if (table.get(key) != null) {
                    throw new IOException("duplicate " + kind.prefix + ": " + key);
                }
                EntityState state = create(kind);
                state.readFrom(in, version);
                table.put(key, state);
            }
        }
    }
}
