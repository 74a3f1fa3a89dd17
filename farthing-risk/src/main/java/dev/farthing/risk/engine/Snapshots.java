package dev.farthing.risk.engine;

import dev.farthing.risk.journal.JournalPosition;
import dev.farthing.risk.journal.RiskJournal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When the engine's memory is saved ({@link EngineSnapshot}) and the journal compacted. The decision thread encodes
 * a snapshot right after handing a commit to the log, every {@code snapshotEveryRecords} records (encoding is the
 * only part on that thread). A writer thread waits for that commit to be durable, writes the snapshot through the
 * record log (atomically, at the commit's end position), and then compacts: whole segments below both the older
 * of the two snapshots kept and what the payment index has made durable are deleted. One snapshot at a time: one
 * due while the previous is still being written waits for a later commit.
 */
final class Snapshots implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Snapshots.class.getName());
    private final EngineState s;
    private final long every;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("farthing-risk-snapshot").daemon(true).unstarted(r));
    private long lastRecords;

    Snapshots(EngineState s, long every) {
        this.s = s;
        this.every = every;
    }

    /**
     * Restores the newest usable snapshot into {@code s} (whose book, reviews and labels are empty); empty when
     * there is none or the assessor keeps no state (the whole journal is replayed then).
     */
    Optional<EngineSnapshot.Position> restore() {
        if (!s.assessor.keepsState()) {
            return Optional.empty();
        }
        Optional<RiskJournal.SnapshotBytes> latest = s.journal.latestSnapshot();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        EngineSnapshot.Position at = EngineSnapshot.read(latest.get().payload(), s);
        if (at.logOffset() != latest.get().endOffset()) {
            throw new Replay.SnapshotMismatch("the snapshot at log offset " + latest.get().endOffset()
                    + " says it was taken at " + at.logOffset());
        }
        lastRecords = at.records();
        return Optional.of(at);
    }

    /** Decision thread, after handing {@code commit} to the log: encodes a snapshot when one is due. */
    void afterAppend(RiskJournal.Commit commit, long lastAt) {
        if (every == 0 || commit.recordsAfter() - lastRecords < every || !s.assessor.keepsState()
                || !writing.compareAndSet(false, true)) {
            return;
        }
        long t0 = System.nanoTime();
        byte[] payload = EngineSnapshot.write(s, commit.recordsAfter(), lastAt);
        LOG.log(System.Logger.Level.INFO, "risk snapshot at record {0}: {1} bytes encoded in {2} ms on the decision thread",
                commit.recordsAfter(), payload.length, (System.nanoTime() - t0) / 1_000_000);
        lastRecords = commit.recordsAfter();
        writer.execute(() -> {
            try {
                JournalPosition at = commit.durable().join();
                write(at, payload);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "risk snapshot at record " + commit.recordsAfter()
                        + " failed; the next one will be tried later", e);
            } finally {
                writing.set(false);
            }
        });
    }

    /** At a clean stop, once the decision thread has ended and every commit is durable: a last snapshot. */
    void atClose(JournalPosition committed, long lastAt) {
        stopWriter();
        if (every == 0 || committed.records() == lastRecords || committed.records() == 0 || !s.assessor.keepsState()) {
            return;
        }
        write(committed, EngineSnapshot.write(s, committed.records(), lastAt));
    }

    private void write(JournalPosition at, byte[] payload) {
        s.journal.writeSnapshot(at, EngineSnapshot.withEnd(payload, at.endOffset(), at.crc()));
        List<Long> kept = s.journal.snapshotOffsets();
        if (kept.size() < RiskJournal.SNAPSHOTS_KEPT) {
            return; // keep everything until a damaged snapshot has one to fall back on
        }
        JournalPosition indexed = s.indexing.flushDurable();
        long upTo = Math.min(kept.getFirst(), indexed.endOffset());
        int deleted = s.journal.compact(upTo);
        if (deleted > 0) {
            LOG.log(System.Logger.Level.INFO, "risk journal compacted: {0} segments below log offset {1} deleted",
                    deleted, upTo);
        }
    }

    private void stopWriter() {
        writer.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopWriter();
    }
}
