package dev.farthing.risk.dataset;

import java.nio.file.Path;

/** A dataset file that cannot be read or written; names the file and, for bad content, the 1-based line. */
public final class DatasetException extends RuntimeException {
    private final long line;

    public DatasetException(Path file, long line, String message, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
        this.line = line;
    }

    /** The 1-based line of the problem, or 0 when it is not about one line. */
    public long line() {
        return line;
    }
}
