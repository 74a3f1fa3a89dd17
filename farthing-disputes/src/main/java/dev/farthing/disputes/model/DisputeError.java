package dev.farthing.disputes.model;

/** Why the dispute service refuses a request; each code is stable on the wire. */
public enum DisputeError {
    INVALID("invalid_dispute", Kind.INVALID),
    NOT_FOUND("dispute_not_found", Kind.NOT_FOUND),
    PAYMENT_NOT_FOUND("disputed_payment_not_found", Kind.NOT_FOUND),
    CHANNEL_NOT_FOUND("disputed_channel_not_found", Kind.NOT_FOUND),
    ID_CONFLICT("dispute_id_conflict", Kind.CONFLICT),
    ALREADY_DISPUTED("payment_already_disputed", Kind.CONFLICT),
    AMOUNT_EXCEEDS_PAYMENT("dispute_amount_exceeds_payment", Kind.INVALID),
    WRONG_STATE("dispute_wrong_state", Kind.CONFLICT),
    CONFLICT_OF_INTEREST("reviewer_conflict_of_interest", Kind.FORBIDDEN),
    SAME_REVIEWER("appeal_needs_another_reviewer", Kind.FORBIDDEN),
    UNAVAILABLE("disputes_unavailable", Kind.UNAVAILABLE);

    /** How the server maps a refusal to a status. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, UNAVAILABLE }

    private final String code;
    private final Kind kind;

    DisputeError(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
