package dev.farthing.risk.journal;

import dev.farthing.recordlog.AtomicFiles;
import dev.farthing.recordlog.Entry;
import dev.farthing.recordlog.Record;
import dev.farthing.recordlog.RecordFormat;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogOptions;
import dev.farthing.recordlog.RecordScanner;
import dev.farthing.recordlog.Snapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32C;

/**
 * The risk journal on the shared record log ({@code DATA/risk/log}): one frame per {@link RiskRecord}, the frame
 * type being the record's type byte ({@link RecordCodec}). {@link #append} only encodes into memory, on the
 * decision thread; {@link #commit} hands everything appended to the log's group commit as one atomic batch and
 * returns at once: the fsync runs on the log's own thread and the returned {@link Commit} completes after it.
 * Streaming replay from any {@link JournalPosition}, snapshots at positions and compaction are the log's.
 * A data directory of the previous format ({@code journal/risk-journal.log}) is migrated on open ({@link Migration}).
 */
public final class RiskJournal implements AutoCloseable {
    static final String LOG_DIR = "log";
    private final RecordLog log;
    private final ByteWriter scratch = new ByteWriter(64 * 1024);
    private final CRC32C crc = new CRC32C();
    private List<Entry> pending = new ArrayList<>();
    private List<RiskRecord> pendingRecords = new ArrayList<>();
    private long appendedRecords;
    private volatile JournalPosition committed = JournalPosition.START;

    /** One commit in flight: its records, and its end position once they are durable. */
    public record Commit(List<RiskRecord> records, long recordsAfter, CompletableFuture<JournalPosition> durable) {
    }

    /** Receives each record replayed, with the position just after it. */
    @FunctionalInterface
    public interface Sink {
        void accept(RiskRecord record, JournalPosition after);
    }

    private RiskJournal(RecordLog log) {
        this.log = log;
    }

    /** Opens (creating, or migrating from the previous format) the journal of the risk data directory {@code riskDir}. */
    public static RiskJournal open(Path riskDir, boolean fsync) {
        Migration.migrateIfNeeded(riskDir, fsync);
        return new RiskJournal(RecordLog.open(riskDir.resolve(LOG_DIR), options(fsync)));
    }

    static RecordLogOptions options(boolean fsync) {
        return RecordLogOptions.DEFAULTS.withFsync(fsync).withRetainedSnapshots(SNAPSHOTS_KEPT);
    }

    /** Snapshots kept: a damaged newest one falls back to the one before it (compaction keeps both usable). */
    public static final int SNAPSHOTS_KEPT = 2;

    /** Whether the log still holds its first record (never compacted): only then can a replay start at {@link JournalPosition#START}. */
    public boolean holdsEverything() {
        return log.startPosition() == RecordFormat.SEGMENT_HEADER_BYTES;
    }

    /** Where a replay may start at the earliest (after compaction, later than {@link JournalPosition#START}), as a log offset. */
    public long startOffset() {
        return log.startPosition();
    }

    /** The durable end of the log, as a log offset. */
    public long endOffset() {
        return log.endPosition();
    }

    /**
     * Streams every record after {@code from} to {@code sink}, counting records on from it; at start-up (before
     * any append), this also sets where appends continue. Throws when {@code from} is no longer in the log.
     */
    public JournalPosition replay(JournalPosition from, Sink sink) {
        long offset = from.records() == 0 ? log.startPosition() : from.endOffset();
        if (from.records() == 0 && !holdsEverything()) {
            throw new IllegalStateException("the risk journal " + log.directory() + " was compacted: it no longer holds"
                    + " its first records, so it cannot be replayed from the start");
        }
        JournalPosition at = from;
        try (RecordScanner records = log.scan(offset)) {
            while (records.hasNext()) {
                Record r = records.next();
                RiskRecord record;
                try {
                    record = RecordCodec.read(new ByteReader(r.payload(), 0, r.payload().length));
                } catch (RuntimeException e) {
                    throw new JournalCorruptionException(log.directory(), r.position(), "undecodable record: " + e.getMessage());
                }
                at = new JournalPosition(at.records() + 1, r.nextPosition(), crcOf(r.payload()));
                sink.accept(record, at);
            }
        }
        return at;
    }

    /** Every record the log still holds, in order, without positions (for reading tools; counts would be unknown). */
    public void replayRetained(java.util.function.Consumer<RiskRecord> sink) {
        try (RecordScanner records = log.scan(log.startPosition())) {
            while (records.hasNext()) {
                Record r = records.next();
                try {
                    sink.accept(RecordCodec.read(new ByteReader(r.payload(), 0, r.payload().length)));
                } catch (IllegalStateException e) {
                    throw new JournalCorruptionException(log.directory(), r.position(), "undecodable record: " + e.getMessage());
                }
            }
        }
    }

    /** After the start-up replay: appends continue after {@code end}. */
    public void continueAfter(JournalPosition end) {
        this.committed = end;
        this.appendedRecords = end.records();
    }

    /** Records in the journal, counting those appended and not yet durable. Decision thread. */
    public long appendedRecords() {
        return appendedRecords;
    }

    /** The position after the last durable record this journal has been told of (see {@link #durable}). */
    public JournalPosition committed() {
        return committed;
    }

    /** Decision thread: a commit has become durable up to {@code after}. */
    public void durable(JournalPosition after) {
        committed = after;
    }

    public void append(RiskRecord record) {
        scratch.reset();
        RecordCodec.write(scratch, record);
        if (scratch.size() > JournalFormat.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("risk record of " + scratch.size() + " bytes is too large");
        }
        byte[] payload = java.util.Arrays.copyOf(scratch.array(), scratch.size());
        pending.add(new Entry(payload[0] & 0xff, payload));
        pendingRecords.add(record);
        appendedRecords++;
    }

    public boolean hasPending() {
        return !pending.isEmpty();
    }

    /**
     * Hands everything appended to the log as one atomic batch, without waiting; null when nothing was appended.
     * The commit's future fails when the log does (the engine then stops).
     */
    public Commit commit() {
        if (pending.isEmpty()) {
            return null;
        }
        List<Entry> entries = pending;
        List<RiskRecord> records = pendingRecords;
        pending = new ArrayList<>();
        pendingRecords = new ArrayList<>();
        byte[] last = entries.getLast().payload();
        int lastCrc = crcOf(last);
        long recordsAfter = appendedRecords;
        CompletableFuture<JournalPosition> durable = log.appendBatch(entries).thenApply(positions ->
                new JournalPosition(recordsAfter, positions[positions.length - 1] + RecordFormat.frameBytes(last.length), lastCrc));
        return new Commit(records, recordsAfter, durable);
    }

    private int crcOf(byte[] payload) {
        crc.reset();
        crc.update(payload);
        return (int) crc.getValue();
    }

    /** Writes a snapshot of state covering exactly the records up to {@code at} (any thread). */
    public void writeSnapshot(JournalPosition at, byte[] payload) {
        log.writeSnapshot(at.endOffset(), out -> out.write(payload));
    }

    /** The newest usable snapshot: its log offset and payload. */
    public Optional<SnapshotBytes> latestSnapshot() {
        Optional<Snapshot> s = log.latestSnapshot();
        return s.map(snapshot -> new SnapshotBytes(snapshot.position(), snapshot.readAllBytes()));
    }

    /** A snapshot read back: the log offset it covers up to, and its payload. */
    public record SnapshotBytes(long endOffset, byte[] payload) {
    }

    /** Log offsets of the snapshots on disk, oldest first. */
    public List<Long> snapshotOffsets() {
        return Snapshots.offsets(log.directory());
    }

    /** Drops whole segments whose records all lie before {@code offset}; returns how many (any thread). */
    public int compact(long offset) {
        return log.compact(offset);
    }

    public Path directory() {
        return log.directory();
    }

    /** Makes everything handed to the log durable, then closes it. */
    @Override
    public void close() {
        log.close();
    }

    /** For {@link #snapshotOffsets}: the snapshot files of a log directory. */
    private static final class Snapshots {
        static List<Long> offsets(Path dir) {
            List<Long> out = new ArrayList<>();
            try (var files = java.nio.file.Files.list(dir)) {
                files.forEach(f -> {
                    long p = RecordFormat.snapshotPositionOf(f);
                    if (p >= 0 && !AtomicFiles.isTemporary(f)) {
                        out.add(p);
                    }
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot list " + dir, e);
            }
            out.sort(null);
            return out;
        }
    }
}
