package dev.farthing.risk.journal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.zip.CRC32C;

/**
 * Reads the journal file of the previous format ({@code journal/risk-journal.log}, see {@link JournalFormat}) as a
 * stream with 64-bit offsets, for its migration onto the record log. Its torn-tail rule is the old one: a record
 * cut short at the end of the file, or zero-filled space there, is a torn write (never acknowledged: dropped);
 * anything else that fails its checksum, magic or decoding throws {@link JournalCorruptionException}.
 */
final class JournalScan {
    /** Where the intact records end, how many bytes of torn tail follow, and how many records were read. */
    record Result(long endOffset, long tornBytes, long records) {
    }

    private JournalScan() {
    }

    /** Hands each intact record's payload (type byte first) and the record, in order, to {@code sink}. */
    static Result scan(Path file, BiConsumer<byte[], RiskRecord> sink) {
        if (!Files.exists(file)) {
            return new Result(0, 0, 0);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(raw)) {
            long size = Files.size(file);
            long offset = 0;
            long records = 0;
            CRC32C crc = new CRC32C();
            byte[] header = new byte[JournalFormat.HEADER_BYTES];
            while (offset < size) {
                if (size - offset < JournalFormat.OVERHEAD_BYTES) {
                    return torn(file, offset, size, records, "a header cut short");
                }
                in.readFully(header);
                int magic = java.nio.ByteBuffer.wrap(header).getInt(0);
                int length = java.nio.ByteBuffer.wrap(header).getInt(4);
                if (magic != JournalFormat.MAGIC || length < 1 || length > JournalFormat.MAX_PAYLOAD_BYTES) {
                    return torn(file, offset, size, records, magic != JournalFormat.MAGIC ? "bad record magic"
                            : "impossible payload length " + length);
                }
                long end = offset + JournalFormat.OVERHEAD_BYTES + length;
                if (end > size) {
                    return new Result(offset, size - offset, records); // the last write was cut short
                }
                byte[] payload = new byte[length];
                in.readFully(payload);
                int stored = in.readInt();
                crc.reset();
                crc.update(header);
                crc.update(payload);
                if ((int) crc.getValue() != stored) {
                    if (end == size && (stored & 0xffff) == 0) {
                        return new Result(offset, size - offset, records); // the write reached the size, not all its data
                    }
                    throw new JournalCorruptionException(file, offset, "checksum mismatch");
                }
                RiskRecord record;
                try {
                    record = RecordCodec.read(new ByteReader(payload, 0, payload.length));
                } catch (RuntimeException e) {
                    throw new JournalCorruptionException(file, offset, "undecodable record: " + e.getMessage());
                }
                sink.accept(payload, record);
                records++;
                offset = end;
            }
            return new Result(offset, 0, records);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Damage at {@code offset}: a torn tail when everything from there is zero (allocated, never filled), else corruption. */
    private static Result torn(Path file, long offset, long size, long records, String problem) throws IOException {
        try (InputStream rest = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            rest.skipNBytes(offset);
            int b;
            while ((b = rest.read()) >= 0) {
                if (b != 0) {
                    if (size - offset < JournalFormat.OVERHEAD_BYTES) {
                        return new Result(offset, size - offset, records); // a header cut short
                    }
                    throw new JournalCorruptionException(file, offset, problem);
                }
            }
        }
        return new Result(offset, size - offset, records);
    }
}
