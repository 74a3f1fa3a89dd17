package dev.farthing.recordlog;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Applied to every payload on its way to disk and back (encryption at rest, for one). Frame and snapshot
 * checksums cover the stored bytes, so damage is reported as corruption before {@link #decode} runs.
 * Implementations must be thread-safe: {@link #encode} runs on appending threads, {@link #decode} on scanning
 * ones.
 */
public interface PayloadTransform {
    PayloadTransform IDENTITY = new PayloadTransform() {
        @Override
        public byte[] encode(int type, byte[] payload) {
            return payload;
        }

        @Override
        public byte[] decode(int type, byte[] stored) {
            return stored;
        }
    };

    /** The bytes to store for a payload of record type {@code type}. */
    byte[] encode(int type, byte[] payload);

    /** The payload back from the stored bytes. */
    byte[] decode(int type, byte[] stored);

    /** Wraps the stream a snapshot's payload is written to; identity by default. */
    default OutputStream encodeSnapshot(OutputStream stored) {
        return stored;
    }

    /** Wraps the stream a snapshot's payload is read from; identity by default. */
    default InputStream decodeSnapshot(InputStream stored) {
        return stored;
    }
}
