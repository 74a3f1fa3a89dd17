package dev.farthing.disputes.model;

import java.util.List;

/**
 * A dispute as filed: exactly one of {@code paymentId} and {@code channelId}; {@code amount} null disputes the
 * whole payment (amount plus its fee). The id is the idempotency key: the same id with the same body answers
 * with the dispute as it stands, with another body it is refused.
 */
public record NewDispute(String id, String paymentId, String channelId, String claimant, Reason reason, Long amount,
                         String narrative, List<NewEvidence> evidence) {
    public static final int MAX_ID = dev.farthing.ledger.model.Validation.MAX_ID_LENGTH;
    public static final int MAX_NARRATIVE = 4000;
    public static final int MAX_EVIDENCE = 32;

    public NewDispute {
        requireId("id", id);
        if ((paymentId == null) == (channelId == null)) {
            throw new DisputeException(DisputeError.INVALID, "exactly one of payment_id and channel_id is required");
        }
        if (paymentId != null) requireId("payment_id", paymentId);
        if (channelId != null) requireId("channel_id", channelId);
        requireId("claimant", claimant);
        if (reason == null) {
            throw new DisputeException(DisputeError.INVALID, "reason is required");
        }
        if (amount != null && amount <= 0) {
            throw new DisputeException(DisputeError.INVALID, "amount must be a positive number of minor units");
        }
        if (narrative != null && narrative.length() > MAX_NARRATIVE) {
            throw new DisputeException(DisputeError.INVALID, "narrative must be at most " + MAX_NARRATIVE + " characters");
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (evidence.size() > MAX_EVIDENCE) {
            throw new DisputeException(DisputeError.INVALID, "at most " + MAX_EVIDENCE + " evidence items");
        }
    }

    static void requireId(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_ID) {
            throw new DisputeException(DisputeError.INVALID, field + " must be 1.." + MAX_ID + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!dev.farthing.ledger.model.Validation.isIdChar(c)) {
                throw new DisputeException(DisputeError.INVALID, field + " may only contain A-Z a-z 0-9 . _ : -");
            }
        }
    }
}
