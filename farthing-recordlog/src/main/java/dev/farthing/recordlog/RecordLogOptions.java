package dev.farthing.recordlog;

import java.time.Duration;

/**
 * How a record log behaves.
 *
 * @param segmentBytes     a segment is rolled before a batch that would take it past this size (a batch bigger
 *                         than this gets a segment of its own)
 * @param queueCapacity    appends (single or batch) that may wait for the writer; beyond it callers block
 * @param offerTimeout     how long a caller blocks on a full queue before {@link RecordLogFullException};
 *                         zero refuses at once
 * @param maxGroupBytes    the writer stops adding appends to a group past this many bytes
 * @param fsync            false only for tests and benchmarks: completion then means "written", not "durable"
 * @param retainedSnapshots how many valid snapshots are kept after a new one is written (at least 1)
 * @param transform        applied to every payload on write and read
 */
public record RecordLogOptions(long segmentBytes, int queueCapacity, Duration offerTimeout, int maxGroupBytes,
                               boolean fsync, int retainedSnapshots, PayloadTransform transform) {
    public static final RecordLogOptions DEFAULTS = new RecordLogOptions(64L << 20, 8192, Duration.ofSeconds(5),
            4 << 20, true, 2, PayloadTransform.IDENTITY);

    public RecordLogOptions {
        if (segmentBytes < RecordFormat.SEGMENT_HEADER_BYTES + RecordFormat.FRAME_HEADER_BYTES) {
            throw new IllegalArgumentException("segmentBytes " + segmentBytes + " is too small");
        }
        if (queueCapacity < 1 || maxGroupBytes < 1 || retainedSnapshots < 1) {
            throw new IllegalArgumentException("queueCapacity, maxGroupBytes and retainedSnapshots must be positive");
        }
        if (offerTimeout == null || offerTimeout.isNegative() || transform == null) {
            throw new IllegalArgumentException("offerTimeout must be zero or positive and transform set");
        }
    }

    public RecordLogOptions withSegmentBytes(long v) {
        return new RecordLogOptions(v, queueCapacity, offerTimeout, maxGroupBytes, fsync, retainedSnapshots, transform);
    }

    public RecordLogOptions withQueueCapacity(int v) {
        return new RecordLogOptions(segmentBytes, v, offerTimeout, maxGroupBytes, fsync, retainedSnapshots, transform);
    }

    public RecordLogOptions withOfferTimeout(Duration v) {
        return new RecordLogOptions(segmentBytes, queueCapacity, v, maxGroupBytes, fsync, retainedSnapshots, transform);
    }

    public RecordLogOptions withMaxGroupBytes(int v) {
        return new RecordLogOptions(segmentBytes, queueCapacity, offerTimeout, v, fsync, retainedSnapshots, transform);
    }

    public RecordLogOptions withFsync(boolean v) {
        return new RecordLogOptions(segmentBytes, queueCapacity, offerTimeout, maxGroupBytes, v, retainedSnapshots, transform);
    }

    public RecordLogOptions withRetainedSnapshots(int v) {
        return new RecordLogOptions(segmentBytes, queueCapacity, offerTimeout, maxGroupBytes, fsync, v, transform);
    }

    public RecordLogOptions withTransform(PayloadTransform v) {
        return new RecordLogOptions(segmentBytes, queueCapacity, offerTimeout, maxGroupBytes, fsync, retainedSnapshots, v);
    }
}
