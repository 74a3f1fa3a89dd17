package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.risk.journal.PaymentCodec;
import dev.farthing.risk.journal.RiskRecord;

import dev.farthing.risk.journal.JournalPosition;
import dev.farthing.risk.journal.RiskJournal;

/**
 * Rebuilds the engine's memory from the journal at start-up: the idempotency book, hold states, open
 * reviews, labels, and the feature state (every decided payment is recorded again through the assessor at
 * its original time, in the original order, so features come out exactly as they were). The payment index
 * folds the records it has not seen yet on the way.
 */
final class Replay implements RiskJournal.Sink {
    private final EngineState s;
    private final PaymentFlow payments;
    private final HoldFlow holds;
    /** The snapshot the engine's memory was restored from (its records are folded into the index only), or null. */
    private final EngineSnapshot.Position restored;
    private long lastAt;

    Replay(EngineState s, PaymentFlow payments, HoldFlow holds, EngineSnapshot.Position restored) {
        this.s = s;
        this.payments = payments;
        this.holds = holds;
        this.restored = restored;
        this.lastAt = restored == null ? 0 : restored.lastAt();
    }

    /** The snapshot does not describe this journal: the engine is opened again without it. */
    static final class SnapshotMismatch extends RuntimeException {
        SnapshotMismatch(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void accept(RiskRecord record, JournalPosition after) {
        s.indexing.replayed(record, after);
        if (restored != null && after.records() <= restored.records()) {
            if (after.records() == restored.records()
                    && (after.endOffset() != restored.logOffset() || after.crc() != restored.crc())) {
                throw new SnapshotMismatch("the snapshot at record " + restored.records()
                        + " was taken from another journal (the record there differs)");
            }
            return; // already in the restored memory
        }
        if (!(record instanceof RiskRecord.Decided) && !(record instanceof RiskRecord.Labelled)
                && s.book.get(record.paymentId()) == null) {
            // The book forgot this payment when it was settled (memory bound); settled payments need no follow-up.
            return;
        }
        switch (record) {
            case RiskRecord.Decided d -> decided(d);
            case RiskRecord.LedgerApplied a -> applied(entry(a));
            case RiskRecord.LedgerRefused r -> {
                BookEntry e = entry(r);
                e.result = e.result.refusedByLedger(new DecisionReason(r.code(), "the ledger refused the payment: " + r.detail()));
                e.request = null;
            }
            case RiskRecord.Resolved r -> holds.apply(entry(r), r);
            case RiskRecord.Labelled l -> s.labels.add(l.label());
        }
    }

    private void decided(RiskRecord.Decided d) {
        if (d.atNanos() <= lastAt) {
            throw new IllegalStateException("journal decisions out of time order at payment " + d.paymentId());
        }
        lastAt = d.atNanos();
        s.assessor.record(d.payment(), d.atNanos(), d.assessment().decision() == Decision.APPROVED);
        byte[] fingerprint = PaymentBook.fingerprint(PaymentCodec.bytes(d.payment()));
        if (s.book.get(d.paymentId()) == null) {
            s.book.add(d.paymentId(), PaymentFlow.entryFor(d.payment(), d.atNanos(), d.assessment(), d.latencyUs(), fingerprint,
                    d.submittedBy()));
        }
    }

    private void applied(BookEntry e) {
        if (e.result.status() != PaymentStatus.LEDGER_PENDING) {
            return; // already applied (a re-send's record after a restart)
        }
        PaymentResult r = e.result;
        e.result = r.withStatus(r.decision().holds() ? PaymentStatus.HELD : PaymentStatus.POSTED);
        if (r.decision() == Decision.HELD_FOR_REVIEW) {
            payments.openReview(e.request, e.result);
        }
        e.request = null;
    }

    private BookEntry entry(RiskRecord r) {
        return s.book.get(r.paymentId());
    }

    /**
     * After the scan: a snapshot ahead of the journal (the journal lost records it described) is refused. The count
     * comes from the scan's end position, not from the records seen: a snapshot taken at the journal's very end (a
     * clean stop, or a crash just after a snapshot) leaves no tail to see, and {@code journalEnd} (where the log
     * ends) shows the snapshot's last record is really there.
     */
    void finish(JournalPosition end, long journalEnd) {
        if (restored == null) {
            return;
        }
        if (end.records() < restored.records()) {
            throw new SnapshotMismatch("the snapshot is at record " + restored.records() + " but the journal holds "
                    + end.records());
        }
        if (journalEnd < restored.logOffset()) {
            throw new SnapshotMismatch("the snapshot ends at log offset " + restored.logOffset()
                    + " but the journal ends at " + journalEnd);
        }
    }

    long lastAt() {
        return lastAt;
    }
}
