package dev.farthing.risk.journal;

import java.nio.file.Path;

/** The risk journal is damaged somewhere other than a torn tail; start-up stops rather than forget decisions. */
public final class JournalCorruptionException extends RuntimeException {
    private final Path file;
    private final long offset;

    public JournalCorruptionException(Path file, long offset, String problem) {
        super(file + " at offset " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
