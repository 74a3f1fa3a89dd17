package dev.farthing.recordlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.zip.CRC32C;

/**
 * Reads single frames by position with positional reads (thread-safe, no shared file position), keeping one
 * read-only channel per segment open; for stores that look records up by position (the tower's blob chains).
 */
final class RandomReader implements AutoCloseable {
    private final ConcurrentSkipListMap<Long, Path> segments;
    private final ConcurrentHashMap<Long, FileChannel> open = new ConcurrentHashMap<>();

    RandomReader(ConcurrentSkipListMap<Long, Path> segments) {
        this.segments = segments;
    }

    /** The frame at {@code position}, which must lie wholly below {@code end}. */
    Record read(long position, long end, PayloadTransform transform) {
        Long base = segments.floorKey(position);
        if (base == null || position - base < RecordFormat.SEGMENT_HEADER_BYTES || position >= end) {
            throw new IllegalArgumentException("no record at position " + position);
        }
        Path file = segments.get(base);
        long offset = position - base;
        try {
            FileChannel ch = open.computeIfAbsent(base, b -> openChannel(file));
            ByteBuffer header = ByteBuffer.allocate(RecordFormat.FRAME_HEADER_BYTES);
            readFully(ch, header, offset, file);
            if (header.getInt(12) != RecordFormat.crc(header.array(), 0, 12)) {
                throw new RecordLogCorruptException(file, offset, "frame header checksum mismatch");
            }
            int length = header.getInt(0);
            if (length < 0 || length > RecordFormat.MAX_PAYLOAD_BYTES || position + RecordFormat.frameBytes(length) > end) {
                throw new RecordLogCorruptException(file, offset, "frame length " + length + " runs past the log's end");
            }
            byte[] payload = new byte[length];
            readFully(ch, ByteBuffer.wrap(payload), offset + RecordFormat.FRAME_HEADER_BYTES, file);
            CRC32C crc = new CRC32C();
            crc.update(header.array(), 0, 8);
            crc.update(payload);
            if ((int) crc.getValue() != header.getInt(8)) {
                throw new RecordLogCorruptException(file, offset, "frame checksum mismatch");
            }
            int type = Short.toUnsignedInt(header.getShort(4));
            return new Record(position, type, transform.decode(type, payload), position + RecordFormat.frameBytes(length));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " at offset " + offset, e);
        }
    }

    private static FileChannel openChannel(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long at, Path file) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new RecordLogCorruptException(file, at, "frame cut short");
            }
        }
    }

    /** Forgets the channel of a deleted segment. */
    void drop(long base) {
        FileChannel ch = open.remove(base);
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // Read-only; nothing to lose.
            }
        }
    }

    @Override
    public void close() {
        open.keySet().forEach(this::drop);
    }
}
