package dev.farthing.risk.engine;

import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.risk.journal.IndexedPayment;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.journal.JournalPosition;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.LabelSource;
import dev.farthing.risk.review.TrainingLabel;
import dev.farthing.risk.review.Verdict;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Work for the decision thread: requests from callers, and the ledger's answers to commands it sent. */
sealed interface Command {

    /**
     * {@code fingerprint} of the body is computed by the caller's thread, off the decision thread, and so is the
     * payment index lookup ({@code prior}; null when the caller found the id in memory and did not look).
     */
    /** {@code submittedBy}: the submitting API key id, or null (in-process callers). */
    record Submit(PaymentRequest payment, byte[] fingerprint, Waiter waiter, Prior prior, String submittedBy) implements Command {
    }

    /**
     * What the payment index said about an id: {@code found} (null: absent), complete for everything the index
     * held when it had reached {@code indexedRecords} journal records.
     */
    record Prior(long indexedRecords, IndexedPayment found) {
    }

    /** A challenge outcome ({@code approve} = passed) or a review verdict ({@code approve} = approve) with its label. */
    record Resolve(String paymentId, boolean challenge, boolean approve, FraudLabel label,
                   CompletableFuture<PaymentResult> future) implements Command {
        static Resolve challenge(String id, boolean passed, CompletableFuture<PaymentResult> f) {
            return new Resolve(id, true, passed, null, f);
        }

        static Resolve review(String id, Verdict verdict, FraudLabel label, CompletableFuture<PaymentResult> f) {
            return new Resolve(id, false, verdict == Verdict.APPROVE, label, f);
        }
    }

    /** {@code indexed}: the caller found the payment in the index (forgotten by memory, still known). */
    record Label(String paymentId, FraudLabel label, LabelSource source, boolean indexed,
                 CompletableFuture<TrainingLabel> future) implements Command {
    }

    /** The ledger's answer to a payment's legs; {@code error} set when the call itself failed. */
    record LegsAnswered(String paymentId, List<Outcome<TransferView>> outcomes, Throwable error) implements Command {
    }

    /**
     * The record log made a commit durable ({@code after}), or failed ({@code error}); the commit's replies and
     * ledger commands may run now, in commit order.
     */
    record Durable(InFlightCommit commit, JournalPosition after, Throwable error) implements Command {
    }

    /** The ledger's answers to posting or voiding a payment's holds, one per leg. */
    record HoldsAnswered(Resolve request, List<Outcome<TransferView>> outcomes, Throwable error) implements Command {
    }
}
