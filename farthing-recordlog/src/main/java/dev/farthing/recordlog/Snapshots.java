package dev.farthing.recordlog;

import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32C;

/** Writes, verifies and prunes the snapshot files of a log (layout in {@link RecordFormat}). */
final class Snapshots {
    private final Path dir;
    private final PayloadTransform transform;

    Snapshots(Path dir, PayloadTransform transform) {
        this.dir = dir;
        this.transform = transform;
    }

    Path write(long position, AtomicFiles.Content content) {
        Path target = dir.resolve(RecordFormat.snapshotName(position));
        AtomicFiles.write(target, out -> {
            Checked checked = new Checked(out);
            checked.write(ByteBuffer.allocate(RecordFormat.SNAPSHOT_HEADER_BYTES)
                    .putInt(RecordFormat.SNAPSHOT_MAGIC).putInt(RecordFormat.VERSION).putLong(position).array());
            long start = checked.count;
            OutputStream payload = transform.encodeSnapshot(new Unclosable(checked));
            content.writeTo(payload);
            payload.close();
            long length = checked.count - start;
            checked.write(ByteBuffer.allocate(8).putLong(length).array());
            out.write(ByteBuffer.allocate(4).putInt((int) checked.crc.getValue()).array());
        });
        return target;
    }

    /** Snapshot files, newest position first. */
    List<Path> list() {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "snapshot-*.snap")) {
            for (Path f : files) {
                if (RecordFormat.snapshotPositionOf(f) >= 0) {
                    out.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list snapshots in " + dir, e);
        }
        out.sort(Comparator.comparingLong(RecordFormat::snapshotPositionOf).reversed());
        return out;
    }

    /** Reads the whole file once to check it; throws {@link RecordLogCorruptException} naming what is wrong. */
    Snapshot verify(Path file) {
        long named = RecordFormat.snapshotPositionOf(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long size = Files.size(file);
            long payloadBytes = size - RecordFormat.SNAPSHOT_HEADER_BYTES - RecordFormat.SNAPSHOT_TRAILER_BYTES;
            if (payloadBytes < 0) {
                throw new RecordLogCorruptException(file, 0, "snapshot of " + size + " bytes is shorter than its header and trailer");
            }
            CRC32C crc = new CRC32C();
            byte[] header = in.readNBytes(RecordFormat.SNAPSHOT_HEADER_BYTES);
            crc.update(header);
            ByteBuffer h = ByteBuffer.wrap(header);
            if (h.getInt(0) != RecordFormat.SNAPSHOT_MAGIC || h.getInt(4) != RecordFormat.VERSION || h.getLong(8) != named) {
                throw new RecordLogCorruptException(file, 0, "snapshot header does not match (magic, version or position)");
            }
            byte[] chunk = new byte[1 << 16];
            long left = payloadBytes;
            while (left > 0) {
                int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
                if (n < 0) {
                    throw new RecordLogCorruptException(file, size - left, "snapshot ended early");
                }
                crc.update(chunk, 0, n);
                left -= n;
            }
            byte[] trailer = in.readNBytes(RecordFormat.SNAPSHOT_TRAILER_BYTES);
            crc.update(trailer, 0, 8);
            ByteBuffer t = ByteBuffer.wrap(trailer);
            if (t.getLong(0) != payloadBytes || t.getInt(8) != (int) crc.getValue()) {
                throw new RecordLogCorruptException(file, size - RecordFormat.SNAPSHOT_TRAILER_BYTES, "snapshot checksum or length mismatch");
            }
            return new Snapshot(file, named, payloadBytes, transform);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + file, e);
        }
    }

    /** Keeps the {@code keep} newest snapshots and deletes the rest. */
    void prune(int keep) {
        List<Path> all = list();
        try {
            for (int i = keep; i < all.size(); i++) {
                Files.deleteIfExists(all.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune snapshots in " + dir, e);
        }
        if (all.size() > keep) {
            AtomicFiles.syncDirectory(dir);
        }
    }

    /** Counts and checksums what passes through. */
    private static final class Checked extends FilterOutputStream {
        final CRC32C crc = new CRC32C();
        long count;

        Checked(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            count += len;
        }
    }

    /** Lets a transform close its stream (to finish a cipher) without closing the file under it. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
