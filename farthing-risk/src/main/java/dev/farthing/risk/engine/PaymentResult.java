package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentStatus;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a payment: the decision with its score, the model and policy versions that made it, every
 * reason, the ledger transfer ids that moved (empty when declined), the decision latency, whether this answer
 * is an idempotent repeat, and where the money stands now ({@code status}, changed by challenges and reviews).
 * {@code decidedAt} is ledger time in ns. {@code submittedBy} is the API key id that submitted it (null for
 * payments journaled before keys were recorded, or submitted in process), so no key decides its own payment.
 */
public record PaymentResult(String id, Decision decision, double score, String modelVersion, String policyVersion,
                            List<DecisionReason> reasons, List<String> transferIds, long latencyUs, boolean replayed,
                            PaymentStatus status, long decidedAt, String submittedBy) {

    /** A result with no recorded submitter. */
    public PaymentResult(String id, Decision decision, double score, String modelVersion, String policyVersion,
                         List<DecisionReason> reasons, List<String> transferIds, long latencyUs, boolean replayed,
                         PaymentStatus status, long decidedAt) {
        this(id, decision, score, modelVersion, policyVersion, reasons, transferIds, latencyUs, replayed, status,
                decidedAt, null);
    }

    public PaymentResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        transferIds = List.copyOf(transferIds);
        if (decision == Decision.DECLINED && !transferIds.isEmpty()) {
            throw new IllegalArgumentException("a declined payment moves nothing, yet names transfers " + transferIds);
        }
    }

    public PaymentResult withStatus(PaymentStatus newStatus) {
        return new PaymentResult(id, decision, score, modelVersion, policyVersion, reasons, transferIds, latencyUs,
                replayed, newStatus, decidedAt, submittedBy);
    }

    public PaymentResult withLatencyUs(long us) {
        return new PaymentResult(id, decision, score, modelVersion, policyVersion, reasons, transferIds, us,
                replayed, status, decidedAt, submittedBy);
    }

    public PaymentResult asReplay() {
        return new PaymentResult(id, decision, score, modelVersion, policyVersion, reasons, transferIds, latencyUs,
                true, status, decidedAt, submittedBy);
    }

    /** The ledger refused the legs: nothing moved, the reason says why. */
    public PaymentResult refusedByLedger(DecisionReason why) {
        List<DecisionReason> all = new java.util.ArrayList<>(reasons);
        all.add(why);
        return new PaymentResult(id, Decision.DECLINED, score, modelVersion, policyVersion, all, List.of(), latencyUs,
                replayed, PaymentStatus.NONE, decidedAt, submittedBy);
    }

    public PaymentResult withSubmittedBy(String keyId) {
        return new PaymentResult(id, decision, score, modelVersion, policyVersion, reasons, transferIds, latencyUs,
                replayed, status, decidedAt, keyId);
    }
}
