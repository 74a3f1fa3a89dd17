package dev.farthing.risk.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Reads and verifies the journal. A record cut short at the end of the file, or zero-filled space there, is a
 * torn tail (never acknowledged: it is reported for truncation). Anything else that fails its checksum,
 * magic or decoding throws {@link JournalCorruptionException}, because skipping a decided payment could
 * move money twice or lose a label.
 */
public final class JournalScan {
    /** Where the intact records end, how many bytes of torn tail follow, and how many records were read. */
    public record Result(long endOffset, long tornBytes, long records) {
    }

    /** Receives each intact record with the position just after it. */
    @FunctionalInterface
    public interface Sink {
        void accept(RiskRecord record, JournalPosition after);
    }

    private JournalScan() {
    }

    public static Result scan(Path file, Consumer<RiskRecord> sink) {
        return scanWithPositions(file, (record, after) -> sink.accept(record));
    }

    public static Result scanWithPositions(Path file, Sink sink) {
        byte[] data = readAll(file);
        CRC32C crc = new CRC32C();
        int offset = 0;
        long records = 0;
        while (offset < data.length) {
            int end = recordEnd(file, data, offset, crc);
            if (end < 0) {
                return new Result(offset, data.length - offset, records);
            }
            RiskRecord record;
            try {
                record = RecordCodec.read(new ByteReader(data, offset + JournalFormat.HEADER_BYTES,
                        end - offset - JournalFormat.OVERHEAD_BYTES));
            } catch (RuntimeException e) {
                throw new JournalCorruptionException(file, offset, "undecodable record: " + e.getMessage());
            }
            records++;
            sink.accept(record, new JournalPosition(records, end, ByteBuffer.wrap(data).getInt(end - 4)));
            offset = end;
        }
        return new Result(offset, 0, records);
    }

    /** End of the record at {@code offset}, -1 for a torn tail; throws on corruption. */
    private static int recordEnd(Path file, byte[] data, int offset, CRC32C crc) {
        int remaining = data.length - offset;
        if (remaining < JournalFormat.OVERHEAD_BYTES || allZero(data, offset)) {
            return -1; // a header cut short, or space the file system allocated but never filled
        }
        ByteBuffer buf = ByteBuffer.wrap(data);
        if (buf.getInt(offset) != JournalFormat.MAGIC) {
            return corrupt(file, offset, "bad record magic");
        }
        int payload = buf.getInt(offset + 4);
        if (payload < 1 || payload > JournalFormat.MAX_PAYLOAD_BYTES) {
            return corrupt(file, offset, "impossible payload length " + payload);
        }
        long end = (long) offset + JournalFormat.OVERHEAD_BYTES + payload;
        if (end > data.length) {
            return -1; // the last write was cut short
        }
        crc.reset();
        crc.update(data, offset, (int) end - 4 - offset);
        if ((int) crc.getValue() != buf.getInt((int) end - 4)) {
            if (end == data.length && data[(int) end - 1] == 0 && data[(int) end - 2] == 0) {
                return -1; // the write reached the file size but not all its data
            }
            return corrupt(file, offset, "checksum mismatch");
        }
        return (int) end;
    }

    private static int corrupt(Path file, int offset, String problem) {
        throw new JournalCorruptionException(file, offset, problem);
    }

    private static boolean allZero(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
