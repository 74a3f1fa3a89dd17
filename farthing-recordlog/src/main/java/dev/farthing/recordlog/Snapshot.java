package dev.farthing.recordlog;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A snapshot whose checksum has been verified: the caller's state covering every frame below
 * {@link #position()}. Replay continues with {@code log.scan(snapshot.position())}.
 */
public final class Snapshot {
    private final Path file;
    private final long position;
    private final long payloadBytes;
    private final PayloadTransform transform;

    Snapshot(Path file, long position, long payloadBytes, PayloadTransform transform) {
        this.file = file;
        this.position = position;
        this.payloadBytes = payloadBytes;
        this.transform = transform;
    }

    public long position() {
        return position;
    }

    public Path file() {
        return file;
    }

    /** Streams the payload (decoded by the log's transform). Close it. */
    public InputStream open() {
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            raw.skipNBytes(RecordFormat.SNAPSHOT_HEADER_BYTES);
            return transform.decodeSnapshot(new Bounded(raw, payloadBytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + file, e);
        }
    }

    /** The whole payload, for small stores. */
    public byte[] readAllBytes() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + file, e);
        }
    }

    /** Stops at the end of the payload, before the trailer. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(Math.min(n, left));
            left -= s;
            return s;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }
    }
}
