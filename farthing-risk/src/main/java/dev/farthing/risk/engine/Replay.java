package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.risk.journal.PaymentCodec;
import dev.farthing.risk.journal.RiskRecord;

import dev.farthing.risk.journal.JournalPosition;
import dev.farthing.risk.journal.JournalScan;

/**
 * Rebuilds the engine's memory from the journal at start-up: the idempotency book, hold states, open
 * reviews, labels, and the feature state (every decided payment is recorded again through the assessor at
 * its original time, in the original order, so features come out exactly as they were). The payment index
 * folds the records it has not seen yet on the way.
 */
final class Replay implements JournalScan.Sink {
    private final EngineState s;
    private final PaymentFlow payments;
    private final HoldFlow holds;
    private long lastAt;

    Replay(EngineState s, PaymentFlow payments, HoldFlow holds) {
        this.s = s;
        this.payments = payments;
        this.holds = holds;
    }

    @Override
    public void accept(RiskRecord record, JournalPosition after) {
        s.indexing.replayed(record, after);
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
            s.book.add(d.paymentId(), PaymentFlow.entryFor(d.payment(), d.atNanos(), d.assessment(), d.latencyUs(), fingerprint));
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

    long lastAt() {
        return lastAt;
    }
}
