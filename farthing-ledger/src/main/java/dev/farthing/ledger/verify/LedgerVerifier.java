package dev.farthing.ledger.verify;

import dev.farthing.ledger.api.VerifyReport;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.journal.BatchScanner;
import dev.farthing.ledger.journal.CorruptionException;
import dev.farthing.ledger.journal.LedgerFrames;
import dev.farthing.ledger.journal.LedgerLog;
import dev.farthing.ledger.journal.LegacyJournalMigration;
import dev.farthing.ledger.model.Currency;
import dev.farthing.recordlog.TornTail;
import dev.farthing.ledger.state.LedgerState;
import dev.farthing.ledger.state.SnapshotCodec;

import java.nio.ByteBuffer;
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
        Path journal = dataDir.resolve(LedgerLog.DIR);
        if (!LedgerLog.exists(journal)) {
            String why = LegacyJournalMigration.hasLegacyJournal(dataDir)
                    ? "the journal in " + dataDir + " is in the previous format; open the ledger once to migrate it"
                    + " (farthing snapshot --data " + dataDir + ", or farthing serve)"
                    : "no journal in " + dataDir + " (not a Farthing data directory?)";
            return new VerifyReport(false, why, null, 0, 0, 0, 0, 0, 0, 0);
        }
        try (LedgerLog log = LedgerLog.openReadOnly(journal)) {
            return verify(log, currencies, progress);
        } catch (CorruptionException e) {
            return new VerifyReport(false, e.getMessage(), e.file().toString(), e.offset(), 0, 0, 0, 0, 0, 0);
        }
    }

    private static VerifyReport verify(LedgerLog log, List<Currency> currencies, Progress progress) {
        Map<Long, LedgerLog.LedgerSnapshot> snapshots;
        try {
            snapshots = snapshotsBySequence(log);
        } catch (CorruptionException e) {
            return new VerifyReport(false, e.getMessage(), e.file().toString(), e.offset(), 0, 0, 0, 0, 0, 0);
        }
        long tornBytes = log.tornTail().map(TornTail::bytes).orElse(0L);
        Run run = new Run(currencies, snapshots, log.endPosition() - log.startPosition(), progress);
        try (BatchScanner batches = log.scan(log.startPosition(), 1, LedgerFrames.GENESIS_HASH, 1)) {
            BatchScanner.Batch b;
            while ((b = batches.next()) != null) {
                run.accept(b);
            }
            return run.finish(log, batches.lastSequence(), tornBytes);
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
        final Map<Long, LedgerLog.LedgerSnapshot> snapshots;
        final long totalBytes;
        final Progress progress;
        long batches;
        long events;
        long bytes;
        int snapshotsChecked;

        Run(List<Currency> currencies, Map<Long, LedgerLog.LedgerSnapshot> snapshots, long totalBytes, Progress progress) {
            this.state = new LedgerState(currencies);
            this.snapshots = snapshots;
            this.totalBytes = totalBytes;
            this.progress = progress;
            checkSnapshot(0);
        }

        void accept(BatchScanner.Batch batch) {
            for (LedgerEvent e : batch.events()) {
                state.apply(e);
                sums.accept(e);
            }
            batches++;
            events += batch.events().size();
            bytes += batch.bytes();
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
            LedgerLog.LedgerSnapshot snap = snapshots.get(sequence);
            if (snap == null) {
                return;
            }
            byte[] replayed = SnapshotCodec.encode(state);
            byte[] stored = snap.state();
            long storedClock = ByteBuffer.wrap(stored).getLong(0);
            if (storedClock < state.lastTimestamp()
                    || !Arrays.equals(replayed, 8, replayed.length, stored, 8, stored.length)) {
                throw new CorruptionException(snap.file(), 0, "snapshot does not match the journal replayed to batch " + sequence);
            }
            snapshotsChecked++;
        }

        VerifyReport finish(LedgerLog log, long lastSequence, long tornBytes) {
            if (progress != null) {
                progress.update(totalBytes, totalBytes);
            }
            for (LedgerLog.LedgerSnapshot snap : snapshots.values()) {
                if (snap.sequence() > lastSequence) {
                    // The snapshot proves batches existed that the journal no longer has (start-up refuses too).
                    CorruptionException end = log.endCorruption("journal ends at batch " + lastSequence + " but snapshot "
                            + snap.file().getFileName() + " covers batch " + snap.sequence());
                    return new VerifyReport(false, end.getMessage(), end.file().toString(), end.offset(), batches,
                            events, 0, 0, snapshotsChecked, tornBytes);
                }
            }
            String problem = state.reconcileAccounts();
            for (String id : state.accountIds()) {
                if (problem == null) {
                    problem = sums.mismatch(state.accountView(id));
                }
            }
            return new VerifyReport(problem == null, problem, null, 0, batches, events, state.accountCount(),
                    sums.transfers(), snapshotsChecked, tornBytes, state.clientMadeReservedAccounts());
        }
    }

    private static Map<Long, LedgerLog.LedgerSnapshot> snapshotsBySequence(LedgerLog log) {
        Map<Long, LedgerLog.LedgerSnapshot> bySequence = new HashMap<>();
        for (LedgerLog.LedgerSnapshot s : log.snapshots()) {
            bySequence.put(s.sequence(), s);
        }
        return bySequence;
    }
}
