package dev.farthing.ledger.model;

/** A refused command, carrying its stable {@link ErrorCode} and a human-readable detail. */
public final class LedgerException extends RuntimeException {
    private final ErrorCode code;

    public LedgerException(ErrorCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}
