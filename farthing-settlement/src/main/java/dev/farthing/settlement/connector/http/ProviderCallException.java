package dev.farthing.settlement.connector.http;

/**
 * A provider call that has no "unknown" answer in the connector interface (a statement) could not be completed:
 * the provider timed out, was unreachable, or answered something malformed. Nothing may be concluded from it
 * (an empty statement would read as "every line is missing").
 */
public final class ProviderCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProviderCallException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProviderCallException(String message) {
        super(message);
    }
}
