package dev.farthing.ledger.journal;

import dev.farthing.recordlog.RecordFormat;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogCorruptException;
import dev.farthing.recordlog.RecordLogOptions;
import dev.farthing.recordlog.RecordScanner;
import dev.farthing.recordlog.Snapshot;
import dev.farthing.recordlog.TornTail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ledger journal on the shared record log ({@code DATA/ledger-log/}): batches as {@link LedgerFrames},
 * appended through the log's group commit, read back as proven {@link BatchScanner.Batch}es, and ledger
 * snapshots as the log's position-tied snapshots. The journal is never compacted: it is the ledger's audit
 * history, {@code farthing verify} proves it from the first batch, and the transfer index is rebuilt from it.
 */
public final class LedgerLog implements AutoCloseable {
    public static final String DIR = "ledger-log";
    private static final int SNAPSHOT_MAGIC = 0x46525453;
    private static final int SNAPSHOT_VERSION = 2;
    private static final int SNAPSHOT_HEADER_BYTES = 4 + 4 + 8 + LedgerFrames.HASH_BYTES;
    private final RecordLog log;
    /** Segment start position → sequence of its first batch (a batch never spans segments). */
    private final ConcurrentHashMap<Long, Long> firstSequences = new ConcurrentHashMap<>();

    /** A ledger snapshot: the state after batch {@code sequence}, whose hash is {@code chainHash}, at log {@code position}. */
    public record LedgerSnapshot(Path file, long position, long sequence, byte[] chainHash, byte[] state) {
    }

    private LedgerLog(RecordLog log) {
        this.log = log;
    }

    public static RecordLogOptions options(boolean fsync, long segmentBytes) {
        // The journal stage bounds what it has in flight far below the queue, so the offer never times out.
        return RecordLogOptions.DEFAULTS.withFsync(fsync).withSegmentBytes(segmentBytes).withRetainedSnapshots(2)
                .withOfferTimeout(Duration.ofMinutes(1));
    }

    /** Opens (creating) the journal in {@code dir}, cutting a torn tail; damage throws {@link CorruptionException}. */
    public static LedgerLog open(Path dir, boolean fsync, long segmentBytes) {
        try {
            return new LedgerLog(RecordLog.open(dir, options(fsync, segmentBytes)));
        } catch (RecordLogCorruptException e) {
            throw new CorruptionException(e);
        }
    }

    /** Opens an existing journal without changing anything (a torn tail is reported and left). */
    public static LedgerLog openReadOnly(Path dir) {
        try {
            return new LedgerLog(RecordLog.openReadOnly(dir, options(false, RecordLogOptions.DEFAULTS.segmentBytes())));
        } catch (RecordLogCorruptException e) {
            throw new CorruptionException(e);
        }
    }

    public static boolean exists(Path dir) {
        return RecordLog.exists(dir);
    }

    public Optional<TornTail> tornTail() {
        return log.tornTail();
    }

    public long startPosition() {
        return log.startPosition();
    }

    public long endPosition() {
        return log.endPosition();
    }

    public Path directory() {
        return log.directory();
    }

    /** Appends one encoded batch atomically; completes with its frames' positions once durable (on the log's sync thread). */
    public CompletableFuture<long[]> append(BatchEncoder.Encoded batch) {
        return log.appendBatch(batch.entries());
    }

    /** The position after the (durable) frame at {@code position}: where a snapshot covering its batch is tied. */
    public long positionAfter(long framePosition) {
        return log.read(framePosition).nextPosition();
    }

    /** Batches from {@code position} (a batch's first frame, a segment start or a snapshot's position) on, proven. */
    public BatchScanner scan(long position, long expectedSequence, byte[] previousHash, long decodeFrom) {
        RecordScanner records;
        try {
            records = log.scan(position);
        } catch (RecordLogCorruptException e) {
            throw new CorruptionException(e);
        }
        return new BatchScanner(this, records, expectedSequence, previousHash, decodeFrom);
    }

    /**
     * Batches from {@code sequence} on (earlier ones of its segment are passed over): starts at the segment whose
     * first batch is the last one at or below {@code sequence}, or at {@code hint} (a batch's first frame at or below
     * it, from an earlier read) when that is later.
     */
    public BatchScanner scanFrom(long sequence, long hintPosition, long hintSequence) {
        // Binary search over segments by their first batch (first sequences grow with positions): a few segment
        // heads are read, not one per segment, and each is remembered.
        List<Long> starts = log.segmentStarts();
        long start = log.startPosition();
        long startSequence = 0;
        int lo = 0;
        int hi = starts.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Long first = firstSequenceOf(starts.get(mid));
            if (first == null || first > sequence) {
                hi = mid - 1; // an empty newest segment holds nothing at or below any sequence
            } else {
                start = starts.get(mid);
                startSequence = first;
                lo = mid + 1;
            }
        }
        if (hintPosition > start && hintSequence <= sequence && hintSequence > startSequence) {
            return scan(hintPosition, hintSequence, null, sequence);
        }
        return scan(start, startSequence, null, sequence);
    }

    private Long firstSequenceOf(long segmentStart) {
        Long known = firstSequences.get(segmentStart);
        if (known != null) {
            return known;
        }
        try (BatchScanner s = scan(segmentStart, 0, null, Long.MAX_VALUE)) {
            BatchScanner.Batch b = s.nextPassedOver();
            if (b == null) {
                return null; // an empty newest segment
            }
            firstSequences.put(segmentStart, b.sequence());
            return b.sequence();
        }
    }

    /** A corruption at a log position, named by its segment file and the offset in it. */
    CorruptionException corruption(long position, String what) {
        long base = RecordFormat.SEGMENT_HEADER_BYTES;
        for (long start : log.segmentStarts()) {
            if (start - RecordFormat.SEGMENT_HEADER_BYTES <= position) {
                base = start - RecordFormat.SEGMENT_HEADER_BYTES;
            }
        }
        return new CorruptionException(log.directory().resolve(RecordFormat.segmentName(base)), position - base, what);
    }

    /** The journal's end named as a file and offset (for "the journal ends here but ..." reports). */
    public CorruptionException endCorruption(String what) {
        return corruption(endPosition(), what);
    }

    // ------------------------------------------------------------------------------------------ snapshots

    /** Writes the ledger state after batch {@code sequence} (hash {@code chainHash}) as a snapshot at {@code position}. */
    public Path writeSnapshot(long position, long sequence, byte[] chainHash, byte[] state) {
        Snapshot s = log.writeSnapshot(position, out -> {
            java.io.DataOutputStream data = new java.io.DataOutputStream(out);
            data.writeInt(SNAPSHOT_MAGIC);
            data.writeInt(SNAPSHOT_VERSION);
            data.writeLong(sequence);
            data.write(chainHash);
            data.write(state);
            data.flush();
        });
        return s.file();
    }

    /** The newest usable snapshot (the record log's rule: an older one when the newest is damaged). */
    public Optional<LedgerSnapshot> latestSnapshot() {
        try {
            return log.latestSnapshot().map(LedgerLog::decode);
        } catch (RecordLogCorruptException e) {
            throw new CorruptionException(e);
        }
    }

    /** Every snapshot, newest first; any damaged one throws (offline checks). */
    public List<LedgerSnapshot> snapshots() {
        try {
            return log.snapshots().stream().map(LedgerLog::decode).toList();
        } catch (RecordLogCorruptException e) {
            throw new CorruptionException(e);
        }
    }

    /** Snapshot files tied to a position past the journal's end: proof that acknowledged batches were lost. */
    public List<Path> snapshotsBeyondEnd() {
        try (var files = java.nio.file.Files.list(log.directory())) {
            return files.filter(f -> RecordFormat.snapshotPositionOf(f) > endPosition()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + log.directory(), e);
        }
    }

    private static LedgerSnapshot decode(Snapshot s) {
        byte[] all = s.readAllBytes();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(all);
        if (all.length < SNAPSHOT_HEADER_BYTES || b.getInt(0) != SNAPSHOT_MAGIC || b.getInt(4) != SNAPSHOT_VERSION) {
            throw new CorruptionException(s.file(), RecordFormat.SNAPSHOT_HEADER_BYTES, "not a ledger snapshot (magic or version)");
        }
        byte[] hash = java.util.Arrays.copyOfRange(all, 16, SNAPSHOT_HEADER_BYTES);
        byte[] state = java.util.Arrays.copyOfRange(all, SNAPSHOT_HEADER_BYTES, all.length);
        return new LedgerSnapshot(s.file(), s.position(), b.getLong(8), hash, state);
    }

    @Override
    public void close() {
        log.close();
    }
}
