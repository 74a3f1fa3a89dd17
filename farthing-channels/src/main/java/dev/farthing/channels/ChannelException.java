package dev.farthing.channels;

import dev.farthing.ledger.model.ErrorCode;

/**
 * A refused channel command. {@link #code()} is the stable wire code: a {@link ChannelError} code, or the
 * ledger's own code (e.g. {@code insufficient_funds}) when the ledger refused the money movement.
 */
public final class ChannelException extends RuntimeException {
    private final ChannelError error;
    private final ErrorCode ledgerError;
    private final String code;

    public ChannelException(ChannelError error, String detail) {
        this(error, null, detail);
    }

    private ChannelException(ChannelError error, ErrorCode ledgerError, String detail) {
        super(detail, null, false, false);
        this.error = error;
        this.ledgerError = ledgerError;
        this.code = ledgerError != null ? ledgerError.code() : error.code();
    }

    /** The ledger refused a transfer; its code is passed through. */
    public static ChannelException ledger(ErrorCode ledgerError, String detail) {
        return new ChannelException(ChannelError.LEDGER_REFUSED, ledgerError, detail);
    }

    public static ChannelException invalid(String detail) {
        return new ChannelException(ChannelError.INVALID_REQUEST, detail);
    }

    public ChannelError error() {
        return error;
    }

    public String code() {
        return code;
    }

    /** The ledger's refusal when {@link #error()} is {@code LEDGER_REFUSED}, else null. */
    public ErrorCode ledgerError() {
        return ledgerError;
    }

    public String detail() {
        return getMessage();
    }
}
