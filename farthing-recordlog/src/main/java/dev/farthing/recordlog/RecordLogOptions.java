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
 * @param durability       how a group is made durable when {@code fsync} is on
 */
public record RecordLogOptions(long segmentBytes, int queueCapacity, Duration offerTimeout, int maxGroupBytes,
                               boolean fsync, int retainedSnapshots, PayloadTransform transform, Durability durability) {
    public static final RecordLogOptions DEFAULTS = new RecordLogOptions(64L << 20, 8192, Duration.ofSeconds(5),
            4 << 20, true, 2, PayloadTransform.IDENTITY, Durability.FSYNC);

    public RecordLogOptions {
        if (segmentBytes < RecordFormat.SEGMENT_HEADER_BYTES + RecordFormat.FRAME_HEADER_BYTES) {
            throw new IllegalArgumentException("segmentBytes " + segmentBytes + " is too small");
        }
        if (queueCapacity < 1 || maxGroupBytes < 1 || retainedSnapshots < 1) {
            throw new IllegalArgumentException("queueCapacity, maxGroupBytes and retainedSnapshots must be positive");
        }
        if (offerTimeout == null || offerTimeout.isNegative() || transform == null || durability == null) {
            throw new IllegalArgumentException("offerTimeout must be zero or positive, transform and durability set");
        }
    }

    public RecordLogOptions withSegmentBytes(long v) {
        return new RecordLogOptions(v, queueCapacity, offerTimeout, maxGroupBytes, fsync, retainedSnapshots, transform, durability);
    }

    public RecordLogOptions withQueueCapacity(int v) {
        return new RecordLogOptions(segmentBytes, v, offerTimeout, maxGroupBytes, fsync, retainedSnapshots, transform, durability);
    }

    public RecordLogOptions withOfferTimeout(Duration v) {
        return new RecordLogOptions(segmentBytes, queueCapacity, v, maxGroupBytes, fsync, retainedSnapshots, transform, durability);
    }

    public RecordLogOptions withMaxGroupBytes(int v) {
        return new RecordLogOptions(segmentBytes, queueCapacity, offerTimeout, v, fsync, retainedSnapshots, transform, durability);
    }

    public RecordLogOptions withFsync(boolean v) {
        return new RecordLogOptions(segmentBytes, queueCapacity, offerTimeout, maxGroupBytes, v, retainedSnapshots, transform, durability);
    }

    public RecordLogOptions withRetainedSnapshots(int v) {
        return new RecordLogOptions(segmentBytes, queueCapacity, offerTimeout, maxGroupBytes, fsync, v, transform, durability);
    }

    public RecordLogOptions withTransform(PayloadTransform v) {
        return new RecordLogOptions(segmentBytes, queueCapacity, offerTimeout, maxGroupBytes, fsync, retainedSnapshots, v, durability);
    }

    public RecordLogOptions withDurability(Durability v) {
        return new RecordLogOptions(segmentBytes, queueCapacity, offerTimeout, maxGroupBytes, fsync, retainedSnapshots, transform, v);
    }
}
