package dev.farthing.channels;

import dev.farthing.contracts.RefusalCategory;
import dev.farthing.contracts.RefusalCode;

/**
 * Stable reasons a channel command is refused. {@link #code()} is the wire form clients branch on; the
 * {@link RefusalCategory} tells a transport how to classify it (the server maps it to an HTTP status).
 */
public enum ChannelError implements RefusalCode {
    INVALID_REQUEST("invalid_request", RefusalCategory.INVALID),
    CHANNEL_NOT_FOUND("channel_not_found", RefusalCategory.NOT_FOUND),
    CHANNEL_EXISTS("channel_exists", RefusalCategory.CONFLICT),
    WRONG_KIND("wrong_channel_kind", RefusalCategory.CONFLICT),
    CHANNEL_CLOSED("channel_closed", RefusalCategory.CONFLICT),
    CHANNEL_EXPIRED("channel_expired", RefusalCategory.CONFLICT),
    NOT_IN_DISPUTE("channel_not_in_dispute", RefusalCategory.CONFLICT),
    INVALID_SIGNATURE("invalid_signature", RefusalCategory.REFUSED),
    RETIRED_KEY("retired_key", RefusalCategory.REFUSED),
    CHANNEL_MISMATCH("claim_channel_mismatch", RefusalCategory.REFUSED),
    CLAIM_EXCEEDS_DEPOSIT("claim_exceeds_deposit", RefusalCategory.REFUSED),
    CLAIM_NOT_ABOVE_PAID("claim_not_above_paid", RefusalCategory.CONFLICT),
    BALANCE_MISMATCH("balance_mismatch", RefusalCategory.REFUSED),
    STALE_STATE("stale_state", RefusalCategory.CONFLICT),
    REVOCATION_MISMATCH("revocation_mismatch", RefusalCategory.REFUSED),
    STALE_ROTATION("stale_rotation", RefusalCategory.CONFLICT),
    INSUFFICIENT_SIGNATURES("insufficient_signatures", RefusalCategory.REFUSED),
    ARBITER_NOT_CONFIGURED("arbiter_not_configured", RefusalCategory.REFUSED),
    RATE_LIMITED("rate_limited", RefusalCategory.RATE_LIMITED),
    LEDGER_REFUSED("ledger_refused", RefusalCategory.REFUSED),
    UNAVAILABLE("unavailable", RefusalCategory.UNAVAILABLE);

    private final String code;
    private final RefusalCategory category;

    ChannelError(String code, RefusalCategory category) {
        this.code = code;
        this.category = category;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public RefusalCategory category() {
        return category;
    }
}
