package dev.farthing.ledger.verify;

import dev.farthing.ledger.api.VerifyReport;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.journal.CorruptionException;
import dev.farthing.ledger.journal.JournalBatch;
import dev.farthing.ledger.journal.JournalReader;
import dev.farthing.ledger.journal.ScanResult;
import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.snapshot.SnapshotFile;
import dev.farthing.ledger.state.LedgerState;
import dev.farthing.ledger.state.SnapshotCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Offline proof of a data directory: reads the whole journal from its first batch, re-proving every
 * checksum and the hash chain, replays it into a fresh state with all invariants on, recomputes every
 * balance independently from the entries, and checks each snapshot against the replayed state at its
 * batch. Read-only: it never changes the directory.
 */
public final class LedgerVerifier {

    /** Progress in journal bytes: {@code done} of {@code total}. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    private LedgerVerifier() {
    }

    public static VerifyReport verify(Path dataDir, List<Currency> currencies, Progress progress) {
        Path journal = dataDir.resolve("journal");
        if (!Files.isDirectory(journal)) {
            return new VerifyReport(false, "no journal in " + dataDir + " (not a Farthing data directory?)", null, 0,
                    0, 0, 0, 0, 0, 0);
        }
        Map<Long, SnapshotFile.Loaded> snapshots;
        try {
            snapshots = snapshotsBySequence(dataDir.resolve("snapshots"));
        } catch (CorruptionException e) {
            return new VerifyReport(false, e.getMessage(), e.file().toString(), e.offset(), 0, 0, 0, 0, 0, 0);
        }
        Run run = new Run(currencies, snapshots, totalBytes(journal), progress);
        try {
            ScanResult end = new JournalReader(journal).scan(0, null, true, run::accept);
            return run.finish(end);
        } catch (CorruptionException e) {
            return new VerifyReport(false, e.getMessage(), e.file().toString(), e.offset(), run.batches, run.events,
                    0, 0, run.snapshotsChecked, 0);
        } catch (IllegalStateException | ArithmeticException e) {
            return new VerifyReport(false, "replay broke an invariant after batch " + run.batches + ": " + e.getMessage(),
                    null, 0, run.batches, run.events, 0, 0, run.snapshotsChecked, 0);
        }
    }

    /** The replay in progress. */
    private static final class Run {
        final LedgerState state;
        final EntrySums sums = new EntrySums();
        final Map<Long, SnapshotFile.Loaded> snapshots;
        final long totalBytes;
        final Progress progress;
        long batches;
        long events;
        long bytes;
        int snapshotsChecked;

        Run(List<Currency> currencies, Map<Long, SnapshotFile.Loaded> snapshots, long totalBytes, Progress progress) {
            this.state = new LedgerState(currencies);
            this.snapshots = snapshots;
            this.totalBytes = totalBytes;
            this.progress = progress;
            checkSnapshot(0);
        }

        void accept(JournalBatch batch) {
            for (LedgerEvent e : batch.events()) {
                state.apply(e);
                sums.accept(e);
            }
            batches++;
            events += batch.events().size();
            bytes += batch.recordBytes();
            String totals = state.checkTotals();
            if (totals != null) {
                throw new IllegalStateException(totals);
            }
            checkSnapshot(batch.sequence());
            if (progress != null && (batches & 255) == 0) {
                progress.update(bytes, totalBytes);
            }
        }

        /** The snapshot at this batch must hold exactly the replayed state (its clock may run ahead). */
        void checkSnapshot(long sequence) {
            SnapshotFile.Loaded snap = snapshots.get(sequence);
            if (snap == null) {
                return;
            }
            byte[] replayed = SnapshotCodec.encode(state);
            byte[] stored = new byte[snap.state().remaining()];
            snap.state().duplicate().get(stored);
            long storedClock = ByteBuffer.wrap(stored).getLong(0);
            if (storedClock < state.lastTimestamp()
                    || !Arrays.equals(replayed, 8, replayed.length, stored, 8, stored.length)) {
                throw new CorruptionException(snap.file(), 0, "snapshot does not match the journal replayed to batch " + sequence);
            }
            snapshotsChecked++;
        }

        VerifyReport finish(ScanResult end) {
            if (progress != null) {
                progress.update(totalBytes, totalBytes);
            }
            for (SnapshotFile.Loaded snap : snapshots.values()) {
                if (snap.sequence() > end.lastSequence()) {
                    // The snapshot proves batches existed that the journal no longer has (start-up refuses too).
                    return new VerifyReport(false, "journal ends at batch " + end.lastSequence() + " but snapshot "
                            + snap.file().getFileName() + " covers batch " + snap.sequence(),
                            end.endSegment() == null ? null : end.endSegment().toString(), end.endOffset(), batches,
                            events, 0, 0, snapshotsChecked, end.tornBytes());
                }
            }
            String problem = state.reconcileAccounts();
            for (String id : state.accountIds()) {
                if (problem == null) {
                    problem = sums.mismatch(state.accountView(id));
                }
            }
            return new VerifyReport(problem == null, problem, null, 0, batches, events, state.accountCount(),
                    sums.transfers(), snapshotsChecked, end.tornBytes(), state.clientMadeReservedAccounts());
        }
    }

    private static Map<Long, SnapshotFile.Loaded> snapshotsBySequence(Path dir) {
        Map<Long, SnapshotFile.Loaded> bySequence = new HashMap<>();
        for (Path file : SnapshotFile.list(dir)) {
            SnapshotFile.Loaded loaded = SnapshotFile.load(file);
            bySequence.put(loaded.sequence(), loaded);
        }
        return bySequence;
    }

    private static long totalBytes(Path journal) {
        long total = 0;
        for (Path p : JournalReader.segments(journal)) {
            try {
                total += Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }
}
