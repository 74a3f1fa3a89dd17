package dev.farthing.ledger.snapshot;

import dev.farthing.ledger.journal.CorruptionException;
import dev.farthing.ledger.journal.Hashing;
import dev.farthing.recordlog.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The previous version's snapshot files, kept to migrate a data directory of that version
 * ({@code journal.LegacyJournalMigration}); ledger snapshots are now the record log's. Snapshot files: {@code snapshot-<sequence>.snap} =
 * magic 'FRTS' ‖ version ‖ journal sequence ‖ chain hash at that sequence ‖ state length ‖ state ‖
 * SHA-256 of all before ‖ CRC32C of all before. Written to a temporary file, fsynced, renamed, and the
 * directory fsynced, so a crash leaves either the old snapshot or the new one, never half of one.
 */
public final class SnapshotFile {
    private static final int MAGIC = 0x46525453;
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = 4 + 4 + 8 + 32 + 4;
    private static final int KEEP = 2;

    /** A verified snapshot: the journal position it summarises and the encoded state. */
    public record Loaded(Path file, long sequence, byte[] chainHash, ByteBuffer state) {
    }

    private SnapshotFile() {
    }

    public static String name(long sequence) {
        return String.format("snapshot-%020d.snap", sequence);
    }

    public static Path write(Path dir, long sequence, byte[] chainHash, byte[] state) {
        try {
            Files.createDirectories(dir);
            ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + state.length + 32 + 4);
            buf.putInt(MAGIC).putInt(VERSION).putLong(sequence).put(chainHash).putInt(state.length).put(state);
            MessageDigest sha = Hashing.sha256();
            sha.update(buf.array(), 0, buf.position());
            buf.put(sha.digest());
            CRC32C crc = new CRC32C();
            crc.update(buf.array(), 0, buf.position());
            buf.putInt((int) crc.getValue());
            buf.flip();
            Path target = dir.resolve(name(sequence));
            Path tmp = dir.resolve(name(sequence) + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.syncDirectory(dir);
            prune(dir);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot in " + dir, e);
        }
    }

    private static void prune(Path dir) throws IOException {
        List<Path> all = list(dir);
        for (int i = 0; i < all.size() - KEEP; i++) {
            Files.deleteIfExists(all.get(i));
        }
    }

    /** Snapshot files, oldest first (temporary files of an interrupted write are ignored). */
    public static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("snapshot-\\d{20}\\.snap")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest snapshot, verified; null when there is none. Damage throws {@link CorruptionException}. */
    public static Loaded loadLatest(Path dir) {
        List<Path> all = list(dir);
        return all.isEmpty() ? null : load(all.getLast());
    }

    public static Loaded load(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (data.length < HEADER_BYTES + 36) {
            throw new CorruptionException(file, data.length, "snapshot truncated");
        }
        ByteBuffer buf = ByteBuffer.wrap(data);
        if (buf.getInt(0) != MAGIC || buf.getInt(4) != VERSION) {
            throw new CorruptionException(file, 0, "bad snapshot magic or version");
        }
        int stateLength = buf.getInt(HEADER_BYTES - 4);
        long end = (long) HEADER_BYTES + stateLength + 36;
        if (stateLength < 0 || end != data.length) {
            throw new CorruptionException(file, Math.min(data.length, HEADER_BYTES - 4), "snapshot length does not match its file size");
        }
        int checksumsAt = HEADER_BYTES + stateLength;
        CRC32C crc = new CRC32C();
        crc.update(data, 0, checksumsAt + 32);
        if ((int) crc.getValue() != buf.getInt(checksumsAt + 32)) {
            throw new CorruptionException(file, checksumsAt + 32, "snapshot checksum mismatch");
        }
        MessageDigest sha = Hashing.sha256();
        sha.update(data, 0, checksumsAt);
        if (!Arrays.equals(sha.digest(), Arrays.copyOfRange(data, checksumsAt, checksumsAt + 32))) {
            throw new CorruptionException(file, checksumsAt, "snapshot hash mismatch");
        }
        long sequence = buf.getLong(8);
        byte[] chainHash = Arrays.copyOfRange(data, 16, 48);
        return new Loaded(file, sequence, chainHash, ByteBuffer.wrap(data, HEADER_BYTES, stateLength).slice());
    }
}
