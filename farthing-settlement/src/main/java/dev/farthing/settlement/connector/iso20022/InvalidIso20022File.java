package dev.farthing.settlement.connector.iso20022;

/**
 * A file that is not a well-formed, schema-valid message we understand (or that carries a DOCTYPE: refused before
 * anything is resolved). Nothing in it is used.
 */
public final class InvalidIso20022File extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidIso20022File(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidIso20022File(String message) {
        super(message);
    }
}
