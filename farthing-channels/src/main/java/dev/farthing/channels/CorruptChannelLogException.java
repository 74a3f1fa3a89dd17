package dev.farthing.channels;

import dev.farthing.recordlog.RecordLogCorruptException;

import java.nio.file.Path;

/** A channel journal, snapshot or event log damaged beyond a torn tail; start-up stops and names the spot. */
public final class CorruptChannelLogException extends RuntimeException {
    public CorruptChannelLogException(Path file, long offset, String what) {
        super(file + " at offset " + offset + ": " + what);
    }

    CorruptChannelLogException(RecordLogCorruptException cause) {
        super(cause.getMessage(), cause);
    }
}
