package dev.farthing.recordlog;

import java.nio.file.Path;

/**
 * Damage that is not a torn tail (see {@link RecordFormat}): the log refuses to open or to scan past it.
 * The operator restores the named file from a replica or backup; nothing is cut automatically.
 */
public final class RecordLogCorruptException extends RuntimeException {
    private final transient Path file;
    private final long offset;

    public RecordLogCorruptException(Path file, long offset, String what) {
        super(what + " in " + file + " at offset " + offset);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    /** Byte offset inside {@link #file()} (not a log position). */
    public long offset() {
        return offset;
    }
}
