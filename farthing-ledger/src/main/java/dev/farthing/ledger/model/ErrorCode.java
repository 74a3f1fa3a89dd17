package dev.farthing.ledger.model;

/**
 * Stable, machine-readable reasons a ledger command is refused. The wire form ({@link #code()}) never
 * changes once published: clients branch on it.
 */
public enum ErrorCode {
    INVALID_REQUEST("invalid_request"),
    NOT_FOUND("not_found"),
    ID_CONFLICT("id_conflict"),
    INSUFFICIENT_FUNDS("insufficient_funds"),
    CURRENCY_MISMATCH("currency_mismatch"),
    UNKNOWN_CURRENCY("unknown_currency"),
    ACCOUNT_FROZEN("account_frozen"),
    ACCOUNT_CLOSED("account_closed"),
    ACCOUNT_NOT_EMPTY("account_not_empty"),
    SAME_ACCOUNT("same_account"),
    OVERFLOW("overflow"),
    NOT_PENDING("not_pending"),
    ALREADY_POSTED("already_posted"),
    ALREADY_VOIDED("already_voided"),
    PENDING_EXPIRED("pending_expired"),
    EXCEEDS_PENDING_AMOUNT("exceeds_pending_amount"),
    LINKED_TRANSFER_FAILED("linked_transfer_failed"),
    /** A client named an account in the reserved system namespace, or a module named another module's. */
    SYSTEM_ACCOUNT("system_account"),
    CIRCUIT_OPEN("circuit_open"),
    OVERLOADED("overloaded"),
    UNAVAILABLE("unavailable");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** The wire form, e.g. {@code insufficient_funds}. */
    public String code() {
        return code;
    }
}
