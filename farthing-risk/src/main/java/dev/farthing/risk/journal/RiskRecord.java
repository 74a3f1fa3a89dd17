package dev.farthing.risk.journal;

import dev.farthing.risk.engine.Assessment;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.TrainingLabel;

/**
 * One entry of the risk journal. A payment's life is a {@link Decided} record (written, and made durable,
 * before any money moves), then what the ledger said ({@link LedgerApplied} or {@link LedgerRefused}), then
 * possibly a {@link Resolved} (challenge or review outcome); {@link Labelled} records training labels.
 */
public sealed interface RiskRecord {

    String paymentId();

    /**
     * The decision, with the request and everything that explains it. {@code atNanos} is ledger time;
     * {@code submittedBy} the submitting API key id (null when not known: older journals, in-process callers).
     */
    record Decided(PaymentRequest payment, long atNanos, Assessment assessment, long latencyUs,
                   String submittedBy) implements RiskRecord {
        public Decided(PaymentRequest payment, long atNanos, Assessment assessment, long latencyUs) {
            this(payment, atNanos, assessment, latencyUs, null);
        }

        @Override
        public String paymentId() {
            return payment.id();
        }
    }

    /** The ledger accepted the payment's legs (posted or held). */
    record LedgerApplied(String paymentId) implements RiskRecord {
    }

    /** The ledger refused the legs; nothing moved. {@code code} is the ledger's error code. */
    record LedgerRefused(String paymentId, String code, String detail) implements RiskRecord {
    }

    /** A hold was posted, voided or found expired; {@code via} is "challenge" or "review"; {@code label} may be null. */
    record Resolved(String paymentId, PaymentStatus outcome, String via, FraudLabel label, long atNanos) implements RiskRecord {
    }

    record Labelled(TrainingLabel label) implements RiskRecord {
        @Override
        public String paymentId() {
            return label.paymentId();
        }
    }
}
