package dev.farthing.ledger.model;

import java.util.Map;

/**
 * A committed transfer. Its fields never change; only a hold's {@code status}, {@code postedAmount} and
 * {@code resolvedAt} move once, from PENDING to POSTED (fully or partly), VOIDED or EXPIRED.
 * Timestamps are ledger nanoseconds since the epoch, strictly increasing across the ledger.
 */
public record TransferView(String id, String debitAccount, String creditAccount, long amount, String currency,
                           String code, String reference, Map<String, String> metadata, long pendingTimeoutS,
                           long timestamp, TransferStatus status, long postedAmount, long expiresAt,
                           long resolvedAt) {

    /**
     * This hold as it ends: {@code outcome} (POSTED with {@code postedAmount}, VOIDED or EXPIRED) at {@code at}.
     * Re-indexing may apply the same resolution to a record already stored resolved; the result is the same.
     */
    public TransferView resolved(TransferStatus outcome, long postedAmount, long at) {
        return new TransferView(id, debitAccount, creditAccount, amount, currency, code, reference, metadata,
                pendingTimeoutS, timestamp, outcome, postedAmount, expiresAt, at);
    }

    /** True when this committed transfer was created by exactly this request (idempotent repeat). */
    public boolean sameBodyAs(NewTransfer t) {
        return id.equals(t.id()) && debitAccount.equals(t.debitAccount()) && creditAccount.equals(t.creditAccount())
                && amount == t.amount() && currency.equals(t.currency())
                && java.util.Objects.equals(code, t.code()) && java.util.Objects.equals(reference, t.reference())
                && metadata.equals(t.metadata()) && pendingTimeoutS == t.pendingTimeoutS();
    }
}
