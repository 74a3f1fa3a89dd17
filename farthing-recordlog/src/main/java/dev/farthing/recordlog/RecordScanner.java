package dev.farthing.recordlog;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Streams the records from a position up to the log's durable end when the scan began, across segment
 * boundaries, reading each segment through a buffer. Close it (try-with-resources) to release the open file.
 * A damaged frame throws {@link RecordLogCorruptException}: within the durable end nothing may be torn.
 */
public final class RecordScanner implements Iterator<Record>, AutoCloseable {
    private final ConcurrentSkipListMap<Long, java.nio.file.Path> segments;
    private final long end;
    private final PayloadTransform transform;
    private long base;
    private long nextPosition;
    private SegmentReader reader;
    private Record next;
    private boolean done;

    RecordScanner(ConcurrentSkipListMap<Long, java.nio.file.Path> segments, long from, long end, PayloadTransform transform) {
        this.segments = segments;
        this.end = end;
        this.transform = transform;
        Long floor = segments.floorKey(from);
        if (floor == null) {
            throw new IllegalArgumentException("position " + from + " is before the log's first segment (compacted)");
        }
        this.base = floor;
        this.nextPosition = Math.max(from, floor + RecordFormat.SEGMENT_HEADER_BYTES);
        this.done = nextPosition >= end;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Record next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Record r = next;
        next = null;
        return r;
    }

    /** The position after the last record returned: where a later scan would continue. */
    public long position() {
        return nextPosition;
    }

    private Record advance() {
        while (true) {
            if (nextPosition >= end) {
                finish();
                return null;
            }
            if (reader == null) {
                java.nio.file.Path file = segments.get(base);
                if (file == null) {
                    throw new IllegalStateException("segment at position " + base + " was compacted away during a scan");
                }
                Map.Entry<Long, java.nio.file.Path> after = segments.higherEntry(base);
                long limit = after != null && after.getKey() <= end ? after.getKey() - base : end - base;
                reader = new SegmentReader(file, base, nextPosition - base, limit);
            }
            switch (reader.next()) {
                case FRAME -> {
                    long position = base + reader.frameOffset();
                    nextPosition = base + reader.offset();
                    return new Record(position, reader.type(), transform.decode(reader.type(), reader.stored()), nextPosition);
                }
                case TORN -> throw new RecordLogCorruptException(reader.file(), reader.frameOffset(),
                        "frame cut short before the log's durable end");
                case END -> {
                    long segmentEnd = base + reader.offset();
                    reader.close();
                    reader = null;
                    Long following = segments.higherKey(base);
                    if (segmentEnd >= end || following == null) {
                        finish();
                        return null;
                    }
                    if (following != segmentEnd) {
                        throw new RecordLogCorruptException(segments.get(base), segmentEnd - base,
                                "segment ends at position " + segmentEnd + " but the next starts at " + following);
                    }
                    base = following;
                    nextPosition = following + RecordFormat.SEGMENT_HEADER_BYTES;
                }
            }
        }
    }

    private void finish() {
        done = true;
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    @Override
    public void close() {
        finish();
    }
}
