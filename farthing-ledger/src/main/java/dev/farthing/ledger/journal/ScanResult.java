package dev.farthing.ledger.journal;

import java.nio.file.Path;

/**
 * Where a journal scan ended: the last good record, and where the next one goes. A torn tail (a partial
 * last write) is reported with its file, offset and length; the writer truncates it before appending.
 */
public record ScanResult(long lastSequence, byte[] lastHash, long lastBatchTime, Path endSegment, long endOffset,
                         long tornBytes, long batchesDelivered, int lastEventCount) {

    /** A scan whose last record's event count is not known (0). */
    public ScanResult(long lastSequence, byte[] lastHash, long lastBatchTime, Path endSegment, long endOffset,
                      long tornBytes, long batchesDelivered) {
        this(lastSequence, lastHash, lastBatchTime, endSegment, endOffset, tornBytes, batchesDelivered, 0);
    }

    public boolean hasTornTail() {
        return tornBytes > 0;
    }
}
