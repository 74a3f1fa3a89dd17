package dev.farthing.cli;

/**
 * A failure the user can act on: its message is printed as-is (no stack trace) and the process exits
 * with {@link #exitCode()}.
 */
public final class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(String message) {
        this(message, ExitCodes.ERROR, null);
    }

    public CliException(String message, Throwable cause) {
        this(message, ExitCodes.ERROR, cause);
    }

    public CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
