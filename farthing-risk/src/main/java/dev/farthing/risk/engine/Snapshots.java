package dev.farthing.risk.engine;

import dev.farthing.risk.journal.JournalPosition;
import dev.farthing.risk.journal.SnapshotFiles;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When and how the engine's memory is saved ({@link EngineSnapshot}) and restored. The decision thread encodes a
 * snapshot after a commit every {@code snapshotEveryRecords} records (encoding is the only part on that thread);
 * a writer thread makes the journal durable up to it, then writes the file. One write at a time: a snapshot due
 * while the previous one is still being written waits for the next commit.
 */
final class Snapshots implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Snapshots.class.getName());
    private final EngineState s;
    private final SnapshotFiles files;
    private final long every;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("farthing-risk-snapshot").daemon(true).unstarted(r));
    private long lastRecords;
    private volatile Throwable failure;

    Snapshots(EngineState s, SnapshotFiles files, long every) {
        this.s = s;
        this.files = files;
        this.every = every;
    }

    /**
     * Restores the newest readable snapshot into {@code s} (whose book, reviews and labels are empty); empty when
     * there is none or the assessor keeps no state (the whole journal is replayed then).
     */
    Optional<EngineSnapshot.Position> restore() {
        if (!s.assessor.keepsState()) {
            return Optional.empty();
        }
        Optional<SnapshotFiles.Snapshot> latest = files.latest();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        EngineSnapshot.Position at = EngineSnapshot.read(latest.get().payload(), s);
        if (at.records() != latest.get().records()) {
            throw new IllegalStateException("risk snapshot named for record " + latest.get().records()
                    + " holds record " + at.records());
        }
        lastRecords = at.records();
        return Optional.of(at);
    }

    /** Decision thread, after a commit: encodes a snapshot when one is due and hands it to the writer. */
    void afterCommit(JournalPosition committed, long lastAt) {
        if (every == 0 || committed.records() - lastRecords < every || !writing.compareAndSet(false, true)) {
            return;
        }
        byte[] payload = EngineSnapshot.write(s, position(committed, lastAt));
        if (payload == null) {
            writing.set(false);
            return;
        }
        lastRecords = committed.records();
        writer.execute(() -> {
            try {
                s.journal.force();
                files.write(committed.records(), payload);
            } catch (RuntimeException e) {
                failure = e;
                LOG.log(System.Logger.Level.ERROR, "risk snapshot at record " + committed.records() + " failed", e);
            } finally {
                writing.set(false);
            }
        });
    }

    /** At a clean stop, once the decision thread has ended: a last snapshot, so the next start replays nothing. */
    void atClose(JournalPosition committed, long lastAt) {
        stopWriter();
        if (every == 0 || committed.records() == lastRecords) {
            return;
        }
        byte[] payload = EngineSnapshot.write(s, position(committed, lastAt));
        if (payload != null) {
            s.journal.force();
            files.write(committed.records(), payload);
        }
    }

    private static EngineSnapshot.Position position(JournalPosition committed, long lastAt) {
        return new EngineSnapshot.Position(committed.records(), committed.endOffset(), committed.crc(), lastAt);
    }

    Throwable failure() {
        return failure;
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
