package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.RecoveryReport;
import dev.farthing.ledger.index.TransferIndex;
import dev.farthing.ledger.journal.BatchScanner;
import dev.farthing.ledger.journal.CorruptionException;
import dev.farthing.ledger.journal.LedgerFrames;
import dev.farthing.ledger.journal.LedgerLog;
import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.state.LedgerState;
import dev.farthing.ledger.state.SnapshotCodec;
import dev.farthing.recordlog.TornTail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Start-up: newest usable snapshot, then the journal after it, then the index brought level with the journal.
 * Replay applies recorded events with their recorded timestamps, so it needs no clock and no index.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /** Where the journal ended: its last batch, that batch's hash and event count (0 if not read). */
    record End(long lastSequence, byte[] lastHash, int lastEventCount) {
    }

    record Result(LedgerState state, End end, RecoveryReport report) {
    }

    private Recovery() {
    }

    static Result recover(LedgerLog log, List<Currency> currencies) {
        long started = System.nanoTime();
        List<Path> beyond = log.snapshotsBeyondEnd();
        if (!beyond.isEmpty()) {
            throw log.endCorruption("the journal ends at position " + log.endPosition() + " but snapshot "
                    + beyond.getLast().getFileName() + " covers records after it: acknowledged batches are missing");
        }
        Optional<LedgerLog.LedgerSnapshot> snapshot = log.latestSnapshot();
        LedgerState state;
        try {
            state = snapshot.isEmpty() ? new LedgerState(currencies)
                    : SnapshotCodec.decode(ByteBuffer.wrap(snapshot.get().state()), currencies);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new CorruptionException(snapshot.get().file(), 0, "unusable snapshot (" + e.getMessage() + ")");
        }
        long fromSequence = snapshot.map(LedgerLog.LedgerSnapshot::sequence).orElse(0L);
        long from = snapshot.map(LedgerLog.LedgerSnapshot::position).orElse(log.startPosition());
        byte[] fromHash = snapshot.map(LedgerLog.LedgerSnapshot::chainHash).orElse(LedgerFrames.GENESIS_HASH);
        long replayed = 0;
        End end;
        try (BatchScanner batches = log.scan(from, fromSequence + 1, fromHash, fromSequence + 1)) {
            BatchScanner.Batch b;
            while ((b = batches.next()) != null) {
                for (LedgerEvent e : b.events()) {
                    state.apply(e);
                }
                replayed++;
            }
            end = new End(batches.lastSequence(), batches.lastHash(), replayed == 0 ? 0 : batches.lastEventCount());
        }
        String discrepancy = state.reconcileAccounts();
        if (discrepancy != null) {
            throw new IllegalStateException("recovered state does not reconcile: " + discrepancy);
        }
        TornTail torn = log.tornTail().orElse(null);
        if (torn != null) {
            LOG.warn("journal torn tail: {} bytes at {} offset {} were an interrupted, unacknowledged write; cut",
                    torn.bytes(), torn.file(), torn.offset());
        }
        RecoveryReport report = new RecoveryReport(snapshot.map(s -> s.file().getFileName().toString()).orElse(null),
                fromSequence, replayed, torn == null ? null : torn.file().getFileName().toString(),
                torn == null ? 0 : torn.offset(), torn == null ? 0 : torn.bytes(), (System.nanoTime() - started) / 1_000_000);
        LOG.info("recovered: snapshot {} (batch {}), replayed {} batches, {} accounts, in {} ms",
                report.snapshotFile(), fromSequence, report.replayedBatches(), state.accountCount(), report.durationMs());
        return new Result(state, end, report);
    }

    /**
     * Re-indexes the journal after the index's own position, so lookups see every durable transfer.
     * The indexer only ever sees batches that were already written (and, with fsync, durable), so an index
     * ahead of a durable journal proves that acknowledged journal records are missing: that is corruption,
     * never a reason to quietly rebuild. Without fsync an OS crash can legitimately lose the journal's
     * tail, and the index is rebuilt to match it.
     */
    static void catchUpIndex(TransferIndex index, LedgerLog log, End journalEnd, boolean journalFsynced) {
        TransferIndex.Position at = index.position();
        if (at.sequence() > journalEnd.lastSequence() && journalFsynced) {
            throw log.endCorruption("journal ends at batch " + journalEnd.lastSequence() + " but batch " + at.sequence()
                    + " was acknowledged and indexed: journal records are missing");
        }
        if (at.sequence() > journalEnd.lastSequence()) {
            LOG.warn("index is ahead of the journal (batch {} > {}); rebuilding it", at.sequence(), journalEnd.lastSequence());
            index.clear();
            at = new TransferIndex.Position(0, 0);
        }
        if (at.sequence() == journalEnd.lastSequence()) {
            return;
        }
        long count = 0;
        try (BatchScanner batches = at.sequence() == 0
                ? log.scan(log.startPosition(), 1, LedgerFrames.GENESIS_HASH, 1)
                : log.scanFrom(at.sequence() + 1, 0, 0)) {
            BatchScanner.Batch b;
            while ((b = batches.next()) != null && b.sequence() <= journalEnd.lastSequence()) {
                if (!b.events().isEmpty()) {
                    index.write(b.events(), b.sequence(), b.events().getLast().timestamp());
                }
                count++;
            }
        }
        LOG.info("index caught up with the journal: {} batches re-indexed", count);
    }
}
