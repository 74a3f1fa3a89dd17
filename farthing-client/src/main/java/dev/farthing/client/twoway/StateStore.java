package dev.farthing.client.twoway;

import dev.farthing.recordlog.AtomicFiles;
import dev.farthing.recordlog.Entry;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogCorruptException;
import dev.farthing.recordlog.RecordLogOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A channel party's durable state: a {@link RecordLog} in the directory {@code path}. {@link #append} only
 * buffers; {@link #sync} writes every buffered record as one atomic batch with one fsync, so many updates share
 * it and a crash keeps all of them or none. A torn tail is cut on open; any other damage refuses to open
 * ({@link StateFileCorruptException}). A state file of the format before the record log (a single file at
 * {@code path}) is migrated on first open.
 */
public final class StateStore implements AutoCloseable {
    public static final int MAX_RECORD = 16 * 1024;

    /** A recovered record. */
    public record Record(byte type, byte[] payload) {
    }

    /** How a sync reaches the disk; tests substitute one that fails to model a crash before the fsync. */
    @FunctionalInterface
    public interface Durability {
        Durability FSYNC = channel -> channel.force(false);

        void force(FileChannel channel) throws IOException;
    }

    private final RecordLog log;
    private final List<Record> recovered;
    private final List<Entry> pending = new ArrayList<>();
    private long synced;
    private RuntimeException failed;

    private StateStore(RecordLog log, List<Record> recovered) {
        this.log = log;
        this.recovered = recovered;
    }

    public static StateStore open(Path path) {
        return open(path, Durability.FSYNC);
    }

    public static StateStore open(Path path, Durability durability) {
        migrateLegacy(path);
        RecordLog log;
        try {
            log = RecordLog.open(path, RecordLogOptions.DEFAULTS.withSegmentBytes(4L << 20).withDurability(durability::force));
        } catch (RecordLogCorruptException e) {
            throw new StateFileCorruptException(e.getMessage());
        }
        List<Record> records = new ArrayList<>();
        try {
            log.replay(log.startPosition(), r -> records.add(new Record((byte) r.type(), r.payload())));
        } catch (RecordLogCorruptException e) {
            log.close();
            throw new StateFileCorruptException(e.getMessage());
        }
        return new StateStore(log, records);
    }

    /** The records found when the store was opened, in order. */
    public List<Record> recovered() {
        return recovered;
    }

    /** Buffers a record; it is durable only after the next {@link #sync}. */
    public void append(byte type, byte[] payload) {
        if (payload.length + 1 > MAX_RECORD) {
            throw new IllegalArgumentException("record too large: " + payload.length);
        }
        pending.add(new Entry(Byte.toUnsignedInt(type), payload.clone()));
    }

    /** True when records are buffered but not yet durable. */
    public boolean dirty() {
        return !pending.isEmpty();
    }

    /** Writes and fsyncs every buffered record (one atomic batch). Returns the number of syncs so far. */
    public long sync() {
        if (failed != null) {
            // After a failed fsync the kernel may have dropped the dirty pages: never report durability again.
            throw new UncheckedIOException("state file failed an earlier sync; reopen it", new IOException(failed));
        }
        if (!dirty()) {
            return synced;
        }
        try {
            log.appendBatchAndSync(List.copyOf(pending));
            pending.clear();
            return ++synced;
        } catch (RuntimeException e) {
            failed = e;
            throw new UncheckedIOException("state file sync failed", new IOException(e));
        }
    }

    /** False once a sync has failed; the store then refuses to sync again. */
    public boolean healthy() {
        return failed == null;
    }

    @Override
    public void close() {
        log.close();
    }

    /**
     * Replaces an old single-file store at {@code path} by a record log with the same records: built beside it,
     * then swapped in with two renames; a crash at any step leaves something the next open finishes.
     */
    static void migrateLegacy(Path path) {
        Path legacy = path.resolveSibling(path.getFileName() + ".legacy");
        Path building = path.resolveSibling(path.getFileName() + ".migrating");
        try {
            if (Files.isDirectory(path)) {
                Files.deleteIfExists(legacy); // a finished migration's leftover
                return;
            }
            if (!Files.exists(path)) {
                if (!Files.isRegularFile(legacy)) {
                    return; // a new store
                }
                AtomicFiles.rename(legacy, path); // crashed between the two renames
            }
            List<Record> records = LegacyStateFile.read(path);
            deleteTree(building);
            try (RecordLog log = RecordLog.open(building)) {
                if (!records.isEmpty()) {
                    List<Entry> entries = new ArrayList<>(records.size());
                    for (Record r : records) {
                        entries.add(new Entry(Byte.toUnsignedInt(r.type()), r.payload()));
                    }
                    log.appendBatchAndSync(entries);
                }
            }
            AtomicFiles.rename(path, legacy);
            AtomicFiles.rename(building, path);
            Files.delete(legacy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot migrate the state file " + path, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
