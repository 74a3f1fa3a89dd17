package dev.farthing.ledger.model;

import java.util.Map;

/**
 * A request to move {@code amount} minor units from {@code debitAccount} to {@code creditAccount}. The id
 * is the idempotency key. {@code pendingTimeoutS} &gt; 0 makes it a hold that expires after that many
 * seconds of ledger time unless posted or voided; 0 posts at once. {@code code} and {@code reference}
 * (the id of a transfer this one corrects or refunds) are optional.
 */
public record NewTransfer(String id, String debitAccount, String creditAccount, long amount, String currency,
                          String code, String reference, Map<String, String> metadata, long pendingTimeoutS) {
    public static final long MAX_PENDING_TIMEOUT_S = 366L * 24 * 3600;
    public static final int MAX_CODE_LENGTH = 64;

    public NewTransfer {
        Validation.requireId("transfer id", id);
        Validation.requireId("debit_account", debitAccount);
        Validation.requireId("credit_account", creditAccount);
        Validation.requirePositiveAmount("amount", amount);
        if (currency == null) {
            throw Validation.invalid("currency is required");
        }
        if (code != null && (code.isEmpty() || code.length() > MAX_CODE_LENGTH)) {
            throw Validation.invalid("code must be 1.." + MAX_CODE_LENGTH + " characters");
        }
        if (reference != null) {
            Validation.requireId("reference", reference);
        }
        if (pendingTimeoutS < 0 || pendingTimeoutS > MAX_PENDING_TIMEOUT_S) {
            throw Validation.invalid("pending.timeout_s must be 1.." + MAX_PENDING_TIMEOUT_S);
        }
        metadata = Validation.requireMetadata(metadata);
    }

    public boolean isPending() {
        return pendingTimeoutS > 0;
    }

    public static NewTransfer simple(String id, String debit, String credit, long amount, String currency) {
        return new NewTransfer(id, debit, credit, amount, currency, null, null, Map.of(), 0);
    }
}
