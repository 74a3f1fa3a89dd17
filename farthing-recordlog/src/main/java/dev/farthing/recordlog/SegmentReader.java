package dev.farthing.recordlog;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads the frames of one segment sequentially through a buffer (never the whole file), checking each
 * against {@link RecordFormat}. Whether an incomplete frame at the end is torn or corrupt is the caller's
 * call: this only reports {@link Step#TORN} with the offset it starts at.
 */
final class SegmentReader implements AutoCloseable {
    enum Step { FRAME, END, TORN }

    private final Path file;
    private final FileChannel channel;
    private final DataInputStream in;
    private final long limit;
    private final byte[] header = new byte[RecordFormat.FRAME_HEADER_BYTES];
    private final CRC32C crc = new CRC32C();
    private long offset;
    private long frameOffset;
    private int type;
    private int flags;
    private byte[] stored;

    /** Opens {@code file}, checks its header, and positions at {@code startOffset}; reads no further than {@code limit}. */
    SegmentReader(Path file, long base, long startOffset, long limit) {
        this.file = file;
        this.limit = limit;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                checkHeader(base);
                long start = Math.max(startOffset, RecordFormat.SEGMENT_HEADER_BYTES);
                channel.position(start);
                offset = start;
                in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
            } catch (RuntimeException | IOException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read segment " + file, e);
        }
    }

    private void checkHeader(long base) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(RecordFormat.SEGMENT_HEADER_BYTES);
        while (h.hasRemaining() && channel.read(h, h.position()) > 0) {
            // Positional reads until full or end of file.
        }
        if (h.hasRemaining()) {
            throw new RecordLogCorruptException(file, 0, "segment header cut short (" + h.position() + " bytes)");
        }
        String problem = RecordFormat.checkSegmentHeader(h, base);
        if (problem != null) {
            throw new RecordLogCorruptException(file, 0, problem);
        }
    }

    Step next() {
        long remaining = limit - offset;
        if (remaining <= 0) {
            return Step.END;
        }
        frameOffset = offset;
        if (remaining < RecordFormat.FRAME_HEADER_BYTES) {
            return Step.TORN;
        }
        try {
            in.readFully(header);
            ByteBuffer h = ByteBuffer.wrap(header);
            if (h.getInt(12) != RecordFormat.crc(header, 0, 12)) {
                if (zerosToTheEndStartWithin(RecordFormat.FRAME_HEADER_BYTES)) {
                    return Step.TORN; // the file grew but the data never reached it, from this header on
                }
                throw new RecordLogCorruptException(file, frameOffset, "frame header checksum mismatch");
            }
            int length = h.getInt(0);
            if (length < 0 || length > RecordFormat.MAX_PAYLOAD_BYTES) {
                throw new RecordLogCorruptException(file, frameOffset, "frame length " + Integer.toUnsignedString(length) + " above the limit");
            }
            if (remaining < RecordFormat.frameBytes(length)) {
                return Step.TORN;
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            crc.reset();
            crc.update(header, 0, 8);
            crc.update(payload, 0, length);
            if ((int) crc.getValue() != h.getInt(8)) {
                if (zerosToTheEndStartWithin(RecordFormat.frameBytes(length))) {
                    return Step.TORN; // the write's size landed, its pages from inside this frame on did not
                }
                throw new RecordLogCorruptException(file, frameOffset, "frame checksum mismatch");
            }
            type = Short.toUnsignedInt(h.getShort(4));
            flags = Short.toUnsignedInt(h.getShort(6));
            if ((flags & ~RecordFormat.FLAG_BATCH_CONTINUES) != 0) {
                throw new RecordLogCorruptException(file, frameOffset, "unknown frame flags " + flags);
            }
            stored = payload;
            offset += RecordFormat.frameBytes(length);
            return Step.FRAME;
        } catch (java.io.EOFException e) {
            throw new RecordLogCorruptException(file, frameOffset, "segment shorter than the log says it is");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read segment " + file + " at offset " + frameOffset, e);
        }
    }

    /**
     * Whether every byte from some offset inside the current frame's first {@code frameBytes} bytes up to
     * {@code limit} is zero, at least {@link RecordFormat#FRAME_HEADER_BYTES} of them: the pages of an unfinished
     * write that never landed. Only the header's 16 bytes count for a frame whose header failed (its length is
     * not to be trusted).
     */
    private boolean zerosToTheEndStartWithin(long frameBytes) throws IOException {
        long run = zeroRunBeforeLimit(frameOffset);
        return run >= RecordFormat.FRAME_HEADER_BYTES && limit - run < frameOffset + frameBytes;
    }

    /** How many bytes before {@code limit} (not before {@code from}) are all zero, read positionally. */
    private long zeroRunBeforeLimit(long from) throws IOException {
        long run = 0;
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
        long at = limit;
        while (at > from) {
            int n = (int) Math.min(chunk.capacity(), at - from);
            chunk.clear().limit(n);
            long readAt = at - n;
            while (chunk.hasRemaining()) {
                if (channel.read(chunk, readAt + chunk.position()) < 0) {
                    return run;
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                if (chunk.get(i) != 0) {
                    return run;
                }
                run++;
            }
            at = readAt;
        }
        return run;
    }

    Path file() {
        return file;
    }

    /** Offset of the frame just read, or of the torn or missing one. */
    long frameOffset() {
        return frameOffset;
    }

    /** Offset just after the last frame read. */
    long offset() {
        return offset;
    }

    int type() {
        return type;
    }

    boolean batchContinues() {
        return (flags & RecordFormat.FLAG_BATCH_CONTINUES) != 0;
    }

    byte[] stored() {
        return stored;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
