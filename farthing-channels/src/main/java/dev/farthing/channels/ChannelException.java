package dev.farthing.channels;

/**
 * A refused channel command. {@link #code()} is the stable wire code: a {@link ChannelError} code, or the
 * ledger's own code (e.g. {@code insufficient_funds}) when the ledger refused the money movement.
 */
public final class ChannelException extends RuntimeException {
    private final ChannelError error;
    private final String code;

    public ChannelException(ChannelError error, String detail) {
        this(error, error.code(), detail);
    }

    private ChannelException(ChannelError error, String code, String detail) {
        super(detail, null, false, false);
        this.error = error;
        this.code = code;
    }

    /** The ledger refused a transfer; its code is passed through. */
    public static ChannelException ledger(String ledgerCode, String detail) {
        return new ChannelException(ChannelError.LEDGER_REFUSED, ledgerCode, detail);
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

    public String detail() {
        return getMessage();
    }
}
