package dev.farthing.risk.features;

import dev.farthing.risk.graph.AccountGraph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The snapshot format: {@code magic "FFS1" (4) | version (4) | payload length (4) | payload | CRC32C (4)}, big
 * endian, the checksum over everything before it. The payload starts with the {@link FeatureConfig} it was
 * taken under (restoring under another config is refused: ring sizes and bounds must match), then the entity
 * tables eldest-first (so eviction order survives) and the account graph.
 */
final class FeatureSnapshot {
    static final int MAGIC = 0x46465331;
    /** Version 2 adds the evidence state (payers' fresh payees, devices' recent payers); version 1 still reads. */
    static final int VERSION = 2;
    static final int EVIDENCE_VERSION = 2;
    private static final int HEADER = 12;
    private static final int TRAILER = 4;

    private FeatureSnapshot() {
    }

    static byte[] write(FeatureConfig config, EntityTables tables, AccountGraph graph) {
        try {
            ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream(1 << 16);
            DataOutputStream payload = new DataOutputStream(new java.io.BufferedOutputStream(payloadBytes, 1 << 16));
            payload.writeUTF(config.toString());
            tables.writeTo(payload);
            graph.writeTo(payload);
            payload.flush();
            byte[] body = payloadBytes.toByteArray();
            ByteBuffer out = ByteBuffer.allocate(HEADER + body.length + TRAILER);
            out.putInt(MAGIC).putInt(VERSION).putInt(body.length).put(body);
            CRC32C crc = new CRC32C();
            crc.update(out.array(), 0, HEADER + body.length);
            out.putInt((int) crc.getValue());
            return out.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
    }

    static DefaultFeatureEngine read(byte[] snapshot, FeatureConfig config) {
        if (snapshot == null || snapshot.length < HEADER + TRAILER) {
            throw corrupt("too short: " + (snapshot == null ? "null" : snapshot.length + " bytes"), null);
        }
        ByteBuffer in = ByteBuffer.wrap(snapshot);
        if (in.getInt() != MAGIC) {
            throw corrupt("bad magic", null);
        }
        int version = in.getInt();
        if (version < 1 || version > VERSION) {
            throw corrupt("unsupported version " + version, null);
        }
        int length = in.getInt();
        if (length < 0 || length != snapshot.length - HEADER - TRAILER) {
            throw corrupt("payload length " + length + " does not match " + (snapshot.length - HEADER - TRAILER), null);
        }
        CRC32C crc = new CRC32C();
        crc.update(snapshot, 0, HEADER + length);
        int stored = ByteBuffer.wrap(snapshot, HEADER + length, TRAILER).getInt();
        if (stored != (int) crc.getValue()) {
            throw corrupt("checksum mismatch", null);
        }
        return parse(snapshot, length, config, version);
    }

    private static DefaultFeatureEngine parse(byte[] snapshot, int length, FeatureConfig config, int version) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot, HEADER, length));
        try {
            String taken = in.readUTF();
            if (!taken.equals(config.toString())) {
                throw new FeatureSnapshotException(FeatureSnapshotException.CONFIG_MISMATCH,
                        "snapshot taken under " + taken + ", restoring under " + config, null);
            }
            EntityTables tables = new EntityTables(config, new WindowGeometry(config));
            tables.readFrom(in, version);
            AccountGraph graph = AccountGraph.readFrom(in, config.graph());
            if (in.available() != 0) {
                throw corrupt(in.available() + " trailing payload bytes", null);
            }
            return new DefaultFeatureEngine(config, tables, graph);
        } catch (IOException | RuntimeException e) {
            if (e instanceof FeatureSnapshotException f) {
                throw f;
            }
            throw corrupt("unreadable payload: " + e.getMessage(), e);
        }
    }

    private static FeatureSnapshotException corrupt(String message, Throwable cause) {
        return new FeatureSnapshotException(FeatureSnapshotException.CORRUPT, message, cause);
    }
}
