package dev.farthing.risk.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Snapshots of the risk engine, each tied to the journal record count it was taken at:
 * {@code snapshot-<records>.frs} = magic {@code FRSN} (4) | payload length (8) | payload | CRC32C of all before (4).
 * Written whole to a temporary file, fsynced, then renamed into place (and the directory fsynced), so a crash
 * leaves the previous snapshot or the new one, never half of one. The newest {@link #KEEP} are kept: a damaged
 * newest one falls back to the one before it, and the journal is compacted only up to the oldest kept.
 */
public final class SnapshotFiles {
    public static final int KEEP = 2;
    private static final int MAGIC = 0x4652534E;
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".frs";
    private static final System.Logger LOG = System.getLogger(SnapshotFiles.class.getName());
    private final Path dir;

    /** A snapshot read back: the record count it was taken at and its payload. */
    public record Snapshot(long records, byte[] payload) {
    }

    public SnapshotFiles(Path dir) {
        this.dir = dir;
    }

    /** Writes a snapshot taken after {@code records} journal records, then drops all but the newest {@link #KEEP}. */
    public void write(long records, byte[] payload) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(name(records));
            Path tmp = dir.resolve(name(records) + ".tmp");
            ByteBuffer head = ByteBuffer.allocate(12).putInt(MAGIC).putLong(payload.length).flip();
            CRC32C crc = new CRC32C();
            crc.update(head.duplicate());
            crc.update(payload);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writeAll(ch, head);
                writeAll(ch, ByteBuffer.wrap(payload));
                writeAll(ch, ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip());
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
            List<Long> all = positions();
            for (int i = 0; i < all.size() - KEEP; i++) {
                Files.deleteIfExists(dir.resolve(name(all.get(i))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a risk snapshot in " + dir, e);
        }
    }

    /** The newest snapshot that reads back intact; damaged ones are skipped with a warning. */
    public Optional<Snapshot> latest() {
        List<Long> all = positions();
        for (int i = all.size() - 1; i >= 0; i--) {
            Path file = dir.resolve(name(all.get(i)));
            try {
                return Optional.of(new Snapshot(all.get(i), read(file)));
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "risk snapshot {0} is unreadable ({1}); trying an older one",
                        file, e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Record counts of the snapshots on disk, oldest first. */
    public List<Long> positions() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(PREFIX) && n.endsWith(SUFFIX)) {
                    try {
                        out.add(Long.parseLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length())));
                    } catch (NumberFormatException e) {
                        // not one of ours
                    }
                } else if (n.endsWith(SUFFIX + ".tmp")) {
                    Files.deleteIfExists(p); // a write a crash interrupted
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list risk snapshots in " + dir, e);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** Deletes every snapshot (their journal is gone or they no longer describe it). */
    public void deleteAll() {
        try {
            for (long p : positions()) {
                Files.deleteIfExists(dir.resolve(name(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete risk snapshots in " + dir, e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(12);
            readAll(ch, head);
            if (head.getInt(0) != MAGIC) {
                throw new IOException("bad magic");
            }
            long length = head.getLong(4);
            if (length < 0 || length != ch.size() - 16 || length > Integer.MAX_VALUE - 16) {
                throw new IOException("payload length " + length + " does not fit a file of " + ch.size() + " bytes");
            }
            ByteBuffer payload = ByteBuffer.allocate((int) length);
            readAll(ch, payload);
            ByteBuffer stored = ByteBuffer.allocate(4);
            readAll(ch, stored);
            CRC32C crc = new CRC32C();
            crc.update(head.flip());
            crc.update(payload.duplicate().flip());
            if ((int) crc.getValue() != stored.getInt(0)) {
                throw new IOException("checksum mismatch");
            }
            return payload.array();
        }
    }

    private static void readAll(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("file ends early");
            }
        }
    }

    private static void writeAll(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory; the rename is still atomic
        }
    }

    private static String name(long records) {
        return PREFIX + String.format("%020d", records) + SUFFIX;
    }
}
