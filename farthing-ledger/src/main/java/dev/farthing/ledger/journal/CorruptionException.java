package dev.farthing.ledger.journal;

import dev.farthing.recordlog.RecordLogCorruptException;

import java.nio.file.Path;

/**
 * Damage that is not a torn tail: a bad checksum or broken hash chain before the end of the journal, or a
 * damaged snapshot. Start-up stops; the operator restores the named file from a replica or backup.
 */
public final class CorruptionException extends RuntimeException {
    private final transient Path file;
    private final long offset;

    public CorruptionException(Path file, long offset, String what) {
        super(what + " in " + file + " at offset " + offset);
        this.file = file;
        this.offset = offset;
    }

    /** The record log's own finding (a frame's checksum, a segment's header, a snapshot's checksum), as it said it. */
    public CorruptionException(RecordLogCorruptException found) {
        super(found.getMessage(), found);
        this.file = found.file();
        this.offset = found.offset();
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
