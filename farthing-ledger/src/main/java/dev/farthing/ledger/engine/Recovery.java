package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.RecoveryReport;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.index.TransferIndex;
import dev.farthing.ledger.journal.CorruptionException;
import dev.farthing.ledger.journal.JournalReader;
import dev.farthing.ledger.journal.ScanResult;
import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.snapshot.SnapshotFile;
import dev.farthing.ledger.state.LedgerState;
import dev.farthing.ledger.state.SnapshotCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * Start-up: newest snapshot, then the journal after it, then the index brought level with the journal.
 * Replay applies recorded events with their recorded timestamps, so it needs no clock and no index.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    record Result(LedgerState state, ScanResult scan, RecoveryReport report) {
    }

    private Recovery() {
    }

    static Result recover(Path journalDir, Path snapshotDir, List<Currency> currencies) {
        long started = System.nanoTime();
        SnapshotFile.Loaded snapshot = SnapshotFile.loadLatest(snapshotDir);
        LedgerState state;
        try {
            state = snapshot == null ? new LedgerState(currencies) : SnapshotCodec.decode(snapshot.state(), currencies);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new CorruptionException(snapshot.file(), 0, "unusable snapshot (" + e.getMessage() + ")");
        }
        long fromSequence = snapshot == null ? 0 : snapshot.sequence();
        byte[] fromHash = snapshot == null ? null : snapshot.chainHash();
        ScanResult scan = new JournalReader(journalDir).scan(fromSequence, fromHash, false, batch -> {
            for (LedgerEvent e : batch.events()) {
                state.apply(e);
            }
        });
        String discrepancy = state.reconcileAccounts();
        if (discrepancy != null) {
            throw new IllegalStateException("recovered state does not reconcile: " + discrepancy);
        }
        if (scan.hasTornTail()) {
            LOG.warn("journal torn tail: {} bytes at {} offset {} were an interrupted, unacknowledged write; truncating",
                    scan.tornBytes(), scan.endSegment(), scan.endOffset());
        }
        RecoveryReport report = new RecoveryReport(snapshot == null ? null : snapshot.file().getFileName().toString(),
                fromSequence, scan.batchesDelivered(),
                scan.hasTornTail() ? scan.endSegment().getFileName().toString() : null,
                scan.hasTornTail() ? scan.endOffset() : 0, scan.tornBytes(), (System.nanoTime() - started) / 1_000_000);
        LOG.info("recovered: snapshot {} (batch {}), replayed {} batches, {} accounts, in {} ms",
                report.snapshotFile(), fromSequence, report.replayedBatches(), state.accountCount(), report.durationMs());
        return new Result(state, scan, report);
    }

    /**
     * Re-indexes the journal after the index's own position, so lookups see every durable transfer.
     * The indexer only ever sees batches that were already written (and, with fsync, durable), so an index
     * ahead of a durable journal proves that acknowledged journal records are missing: that is corruption,
     * never a reason to quietly rebuild. Without fsync an OS crash can legitimately lose the journal's
     * tail, and the index is rebuilt to match it.
     */
    static void catchUpIndex(TransferIndex index, Path journalDir, ScanResult journalEnd, boolean journalFsynced) {
        TransferIndex.Position at = index.position();
        if (at.sequence() > journalEnd.lastSequence() && journalFsynced) {
            Path end = journalEnd.endSegment() == null ? journalDir : journalEnd.endSegment();
            throw new CorruptionException(end, journalEnd.endOffset(), "journal ends at batch " + journalEnd.lastSequence()
                    + " but batch " + at.sequence() + " was acknowledged and indexed: journal records are missing");
        }
        if (at.sequence() > journalEnd.lastSequence()) {
            LOG.warn("index is ahead of the journal (batch {} > {}); rebuilding it", at.sequence(), journalEnd.lastSequence());
            index.clear();
            at = new TransferIndex.Position(0, 0);
        }
        if (at.sequence() == journalEnd.lastSequence()) {
            return;
        }
        long[] count = {0};
        new JournalReader(journalDir).scan(at.sequence(), null, at.sequence() == 0, batch -> {
            if (!batch.events().isEmpty()) {
                index.write(batch.events(), batch.sequence(), batch.events().getLast().timestamp());
            }
            count[0]++;
        });
        LOG.info("index caught up with the journal: {} batches re-indexed", count[0]);
    }
}
