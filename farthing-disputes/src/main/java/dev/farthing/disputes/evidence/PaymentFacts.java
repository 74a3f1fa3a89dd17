package dev.farthing.disputes.evidence;

import java.util.List;
import java.util.Objects;

/**
 * What the engine knows of a payment: who paid whom how much, the fee leg, the risk decision with its score and
 * reasons, the device and address it came from (pseudonymous tokens are fine: only equality is used), the key
 * that submitted it (null when unknown) and when it was paid (ledger time, ns).
 */
public record PaymentFacts(String paymentId, String payer, String payee, long amount, String currency,
                           String transferId, String feeAccount, long feeAmount, String feeTransferId,
                           String riskDecision, double riskScore, List<String> riskReasons,
                           String deviceId, String ip, String submittedByKey, long paidAt) {
    public PaymentFacts {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(currency, "currency");
        if (amount <= 0 || feeAmount < 0) {
            throw new IllegalArgumentException("payment " + paymentId + ": amount must be positive and fee not negative");
        }
        riskReasons = riskReasons == null ? List.of() : List.copyOf(riskReasons);
    }

    /** True when the risk engine let it through without asking for more (no challenge, no review, no hold). */
    public boolean riskApproved() {
        return "approved".equals(riskDecision);
    }
}
