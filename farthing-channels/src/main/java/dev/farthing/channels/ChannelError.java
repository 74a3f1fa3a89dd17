package dev.farthing.channels;

/**
 * Stable reasons a channel command is refused. {@link #code()} is the wire form clients branch on; the
 * {@link Category} tells a transport how to classify it (the server maps it to an HTTP status).
 */
public enum ChannelError {
    INVALID_REQUEST("invalid_request", Category.INVALID),
    CHANNEL_NOT_FOUND("channel_not_found", Category.NOT_FOUND),
    CHANNEL_EXISTS("channel_exists", Category.CONFLICT),
    WRONG_KIND("wrong_channel_kind", Category.CONFLICT),
    CHANNEL_CLOSED("channel_closed", Category.CONFLICT),
    CHANNEL_EXPIRED("channel_expired", Category.CONFLICT),
    NOT_IN_DISPUTE("channel_not_in_dispute", Category.CONFLICT),
    INVALID_SIGNATURE("invalid_signature", Category.REFUSED),
    RETIRED_KEY("retired_key", Category.REFUSED),
    CHANNEL_MISMATCH("claim_channel_mismatch", Category.REFUSED),
    CLAIM_EXCEEDS_DEPOSIT("claim_exceeds_deposit", Category.REFUSED),
    CLAIM_NOT_ABOVE_PAID("claim_not_above_paid", Category.CONFLICT),
    BALANCE_MISMATCH("balance_mismatch", Category.REFUSED),
    STALE_STATE("stale_state", Category.CONFLICT),
    REVOCATION_MISMATCH("revocation_mismatch", Category.REFUSED),
    STALE_ROTATION("stale_rotation", Category.CONFLICT),
    INSUFFICIENT_SIGNATURES("insufficient_signatures", Category.REFUSED),
    ARBITER_NOT_CONFIGURED("arbiter_not_configured", Category.REFUSED),
    RATE_LIMITED("rate_limited", Category.RATE_LIMITED),
    LEDGER_REFUSED("ledger_refused", Category.REFUSED),
    UNAVAILABLE("unavailable", Category.UNAVAILABLE);

    /** How a transport should classify a refusal. */
    public enum Category { INVALID, NOT_FOUND, CONFLICT, REFUSED, RATE_LIMITED, UNAVAILABLE }

    private final String code;
    private final Category category;

    ChannelError(String code, Category category) {
        this.code = code;
        this.category = category;
    }

    public String code() {
        return code;
    }

    public Category category() {
        return category;
    }
}
