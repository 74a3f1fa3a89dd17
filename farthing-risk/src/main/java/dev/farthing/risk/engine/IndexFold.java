package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.risk.journal.IndexedPayment;
import dev.farthing.risk.journal.JournalPosition;
import dev.farthing.risk.journal.PaymentCodec;
import dev.farthing.risk.journal.PaymentIndex;
import dev.farthing.risk.journal.RiskRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payment index as a fold of the journal: each record moves one payment's indexed answer the way the
 * engine moved it in memory (decided, then applied or refused by the ledger, then resolved). Because it reads
 * records only, never the engine's memory, the same fold catches the index up at start, rebuilds it from
 * nothing, and keeps it current live. One thread at a time.
 */
final class IndexFold {
    private static final int RECENT = 65_536;
    private final PaymentIndex index;
    private final Map<String, IndexedPayment> pending = new LinkedHashMap<>();
    /** Answers written lately: a payment's ledger answer follows its decision closely, so its read is usually here. */
    private final LinkedHashMap<String, IndexedPayment> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IndexedPayment> eldest) {
            return size() > RECENT;
        }
    };

    IndexFold(PaymentIndex index) {
        this.index = index;
    }

    void accept(RiskRecord record) {
        switch (record) {
            case RiskRecord.Decided d -> {
                if (current(d.paymentId()) == null) { // a second decision (older versions re-decided evicted ids) keeps the first
                    byte[] fingerprint = PaymentBook.fingerprint(PaymentCodec.bytes(d.payment()));
                    BookEntry fresh = PaymentFlow.entryFor(d.payment(), d.atNanos(), d.assessment(), d.latencyUs(), fingerprint,
                            d.submittedBy());
                    pending.put(d.paymentId(), new IndexedPayment(fingerprint, fresh.result));
                }
            }
            case RiskRecord.LedgerApplied a -> change(a.paymentId(), r -> r.status() != PaymentStatus.LEDGER_PENDING ? null
                    : r.withStatus(r.decision().holds() ? PaymentStatus.HELD : PaymentStatus.POSTED));
            case RiskRecord.LedgerRefused f -> change(f.paymentId(), r -> r.status() != PaymentStatus.LEDGER_PENDING ? null
                    : r.refusedByLedger(new DecisionReason(f.code(), "the ledger refused the payment: " + f.detail())));
            case RiskRecord.Resolved s -> change(s.paymentId(), r -> r.withStatus(s.outcome()));
            case RiskRecord.Labelled l -> {
                // labels are not part of a payment's answer
            }
        }
    }

    private void change(String id, java.util.function.UnaryOperator<PaymentResult> step) {
        IndexedPayment was = current(id);
        if (was == null) {
            return; // follows a decision this journal does not hold (cannot happen in one journal): nothing to move
        }
        PaymentResult next = step.apply(was.result());
        if (next != null) {
            pending.put(id, new IndexedPayment(was.fingerprint(), next));
        }
    }

    private IndexedPayment current(String id) {
        IndexedPayment p = pending.get(id);
        if (p == null) {
            p = recent.get(id);
        }
        return p != null ? p : index.get(id);
    }

    int pendingSize() {
        return pending.size();
    }

    /** Writes what was folded since the last flush, with the journal position it brings the index to. */
    void flush(JournalPosition after) {
        index.write(pending.values(), after);
        recent.putAll(pending);
        pending.clear();
    }
}
