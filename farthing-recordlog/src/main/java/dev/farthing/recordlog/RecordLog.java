package dev.farthing.recordlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A durable, segmented, append-only log of typed records in one directory (format and torn-tail rule in
 * {@link RecordFormat}). Appends from any thread go through group commit and complete only after the fsync
 * that covers them; scans stream; snapshots tie a caller's state to a position; compaction drops whole
 * segments below a position.
 *
 * <p>Positions are 64-bit byte positions: a record's is where its frame starts, and {@link #endPosition()}
 * is where the next durable one will start. A snapshot "at P" covers every record whose position is below P.
 *
 * <pre>{@code
 * try (RecordLog log = RecordLog.open(dir, RecordLogOptions.DEFAULTS)) {
 *     long from = log.latestSnapshot().map(s -> restore(s)).orElse(log.startPosition());
 *     try (RecordScanner records = log.scan(from)) { records.forEachRemaining(this::apply); }
 *     log.append(TYPE_TRANSFER, bytes).thenAccept(position -> reply());   // durable when completed
 * }
 * }</pre>
 */
public final class RecordLog implements AutoCloseable {
    private final Segments segments;
    private final Snapshots snapshots;
    private final RecordLogOptions options;
    /** Null when opened read-only. */
    private final GroupCommitter committer;
    private final long readOnlyEnd;
    private final RandomReader reader;

    private RecordLog(Segments segments, RecordLogOptions options, long end, GroupCommitter.Forcer forcer) throws IOException {
        this.segments = segments;
        this.options = options;
        this.snapshots = new Snapshots(segments.dir, options.transform());
        if (forcer == null) {
            this.committer = null;
        } else {
            Map.Entry<Long, Path> last = segments.files.lastEntry();
            Segment current = new Segment(last.getKey(), last.getValue(), end - last.getKey());
            this.committer = new GroupCommitter(segments, current, end, options, forcer);
        }
        this.readOnlyEnd = end;
        this.reader = new RandomReader(segments.files);
    }

    /**
     * Opens (creating) the log in {@code dir}: checks every segment header and their contiguity, reads every
     * frame of the last segment, cuts a torn tail, and throws {@link RecordLogCorruptException} for any other
     * damage. Frames of earlier segments are checked when scanned.
     */
    public static RecordLog open(Path dir, RecordLogOptions options) {
        return open(dir, options, segment -> segment.force(options.durability()));
    }

    static RecordLog open(Path dir, RecordLogOptions options, GroupCommitter.Forcer forcer) {
        Segments segments = new Segments(dir);
        long end = segments.recover();
        try {
            return new RecordLog(segments, options, end, forcer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open record log in " + dir, e);
        }
    }

    public static RecordLog open(Path dir) {
        return open(dir, RecordLogOptions.DEFAULTS);
    }

    /**
     * Opens an existing log for reading only, changing nothing on disk (for offline checks such as
     * {@code farthing verify}): the same checks as {@link #open}, but a torn tail is reported by {@link #tornTail()}
     * and left in place, and scans stop before it. Appends, snapshots and compaction throw.
     */
    public static RecordLog openReadOnly(Path dir, RecordLogOptions options) {
        Segments segments = new Segments(dir);
        long end = segments.recover(true);
        try {
            return new RecordLog(segments, options, end, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open record log in " + dir, e);
        }
    }

    /** The torn tail this open cut (or, read-only, found), if there was one. */
    public Optional<TornTail> tornTail() {
        return Optional.ofNullable(segments.torn);
    }

    /**
     * The position of each segment's first frame, oldest first: a caller whose records carry their own
     * numbering finds the segment holding a record by reading these few frames (a batch never spans segments).
     */
    public List<Long> segmentStarts() {
        return segments.files.keySet().stream().map(base -> base + RecordFormat.SEGMENT_HEADER_BYTES).toList();
    }

    private GroupCommitter writable() {
        if (committer == null) {
            throw new IllegalStateException("record log in " + segments.dir + " is open read-only");
        }
        return committer;
    }

    /** True if {@code dir} holds a record log (at least one segment). */
    public static boolean exists(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> RecordFormat.segmentBaseOf(f) >= 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * Enqueues one record; the future completes with its position once it is durable (completion runs on the
     * log's sync thread: keep dependent stages short). Blocks on a full queue for at most the offer timeout,
     * then throws {@link RecordLogFullException}.
     */
    public CompletableFuture<Long> append(int type, byte[] payload) {
        Entry e = new Entry(type, payload);
        CompletableFuture<Long> done = new CompletableFuture<>();
        writable().submit(new GroupCommitter.Pending(new int[] {e.type()},
                new byte[][] {options.transform().encode(type, payload)}, done, null));
        return done;
    }

    /**
     * Enqueues records that are written together, in order, with nothing between them, and are atomic on
     * recovery: after a crash either all of them are in the log or none. Completes with their positions.
     */
    public CompletableFuture<long[]> appendBatch(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("an empty batch");
        }
        int[] types = new int[entries.size()];
        byte[][] stored = new byte[entries.size()][];
        for (int i = 0; i < types.length; i++) {
            types[i] = entries.get(i).type();
            stored[i] = options.transform().encode(types[i], entries.get(i).payload());
        }
        CompletableFuture<long[]> done = new CompletableFuture<>();
        writable().submit(new GroupCommitter.Pending(types, stored, null, done));
        return done;
    }

    /** {@link #append} and wait until durable: for small stores that write rarely. Returns the position. */
    public long appendAndSync(int type, byte[] payload) {
        return await(append(type, payload));
    }

    /** {@link #appendBatch} and wait until durable. */
    public long[] appendBatchAndSync(List<Entry> entries) {
        return await(appendBatch(entries));
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * Streams the records from {@code fromPosition} (a record's position, {@link #startPosition()}, or a
     * snapshot's position) to the durable end as of now. Throws if the position was compacted away.
     */
    public RecordScanner scan(long fromPosition) {
        long end = endPosition();
        if (fromPosition < startPosition() || fromPosition > end) {
            throw new IllegalArgumentException("position " + fromPosition + " is outside the log (" + startPosition() + ".." + end + ")");
        }
        return new RecordScanner(segments.files, fromPosition, end, options.transform());
    }

    /**
     * The one durable record at {@code position} (a position an append returned or a scan showed), read with
     * positional reads: for stores that look records up at random. Thread-safe.
     */
    public Record read(long position) {
        return reader.read(position, endPosition(), options.transform());
    }

    /** Hands every record from {@code fromPosition} to {@code visitor}; returns the position after the last. */
    public long replay(long fromPosition, Consumer<Record> visitor) {
        try (RecordScanner records = scan(fromPosition)) {
            records.forEachRemaining(visitor);
            return records.position();
        }
    }

    /** The position of the first record the log still holds (after compaction). */
    public long startPosition() {
        return segments.firstBase() + RecordFormat.SEGMENT_HEADER_BYTES;
    }

    /** The position after the last durable record. */
    public long endPosition() {
        return committer == null ? readOnlyEnd : committer.durableEnd();
    }

    public Path directory() {
        return segments.dir;
    }

    /**
     * Atomically writes a snapshot of the caller's state at {@code position} (a position returned by this log
     * or {@link #endPosition()}; the state must cover exactly the records below it), then prunes snapshots
     * beyond {@link RecordLogOptions#retainedSnapshots()}. Not a compaction: call {@link #compact} after.
     */
    public Snapshot writeSnapshot(long position, AtomicFiles.Content content) {
        writable();
        if (position < startPosition() || position > endPosition()) {
            throw new IllegalArgumentException("snapshot position " + position + " is outside the log (" + startPosition() + ".." + endPosition() + ")");
        }
        Snapshot written = snapshots.verify(snapshots.write(position, content));
        snapshots.prune(options.retainedSnapshots());
        return written;
    }

    /**
     * The newest snapshot that verifies and that the log can continue from (its position not compacted away).
     * An older one is used when a newer one is damaged; empty when there are none; a
     * {@link RecordLogCorruptException} when there are some but none usable.
     */
    public Optional<Snapshot> latestSnapshot() {
        RecordLogCorruptException firstProblem = null;
        for (Path f : snapshots.list()) {
            try {
                Snapshot s = snapshots.verify(f);
                if (s.position() >= startPosition() && s.position() <= endPosition()) {
                    return Optional.of(s);
                }
                if (firstProblem == null) {
                    firstProblem = new RecordLogCorruptException(f, 0, "snapshot at position " + s.position()
                            + " is outside the log (" + startPosition() + ".." + endPosition() + ")");
                }
            } catch (RecordLogCorruptException e) {
                if (firstProblem == null) {
                    firstProblem = e;
                }
            }
        }
        if (firstProblem != null) {
            throw firstProblem;
        }
        return Optional.empty();
    }

    /**
     * Every snapshot file, newest first, each verified: a damaged one throws {@link RecordLogCorruptException}
     * naming it (for offline checks; start-up uses {@link #latestSnapshot()}, which falls back past damage).
     */
    public List<Snapshot> snapshots() {
        return snapshots.list().stream().map(snapshots::verify).toList();
    }

    /**
     * Deletes, oldest first, every whole segment whose records all lie below {@code position} (never the one
     * being appended to); returns how many. A crash part-way leaves a shorter but contiguous log, which opens.
     * Call it with a snapshot's position (or for retention where old records may go).
     */
    public int compact(long position) {
        writable();
        int deleted = 0;
        try {
            while (true) {
                Map.Entry<Long, Path> first = segments.files.firstEntry();
                Long next = segments.files.higherKey(first.getKey());
                if (next == null || next > position) {
                    break;
                }
                Files.deleteIfExists(first.getValue());
                segments.files.remove(first.getKey());
                reader.drop(first.getKey());
                deleted++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact record log in " + segments.dir, e);
        }
        if (deleted > 0) {
            AtomicFiles.syncDirectory(segments.dir);
        }
        return deleted;
    }

    /** Writes and syncs everything already enqueued, then closes. */
    @Override
    public void close() {
        try {
            if (committer != null) {
                committer.close();
            }
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close record log in " + segments.dir, e);
        }
    }
}
