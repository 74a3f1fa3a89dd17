package dev.farthing.ledger.journal;

import dev.farthing.ledger.event.EventCodec;
import dev.farthing.ledger.model.LedgerEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Streams committed journal records from a given batch on, one record in memory at a time: headers of the records
 * before it are read and skipped, never their payloads. Runs beside the writer, so it reads only records up to a
 * batch the caller knows to be durable, and stops there. Each record it decodes is checked (checksum, its own hash,
 * the chain from the record before it); damage throws {@link CorruptionException} naming file and offset.
 */
public final class JournalTailReader {
    private final Path dir;
    /** Where the last read stopped: a reader paging forward resumes there instead of skipping from the segment start. */
    private volatile Resume resume;

    private record Resume(Path file, long sequence, long offset, byte[] previousHash) {
    }

    public JournalTailReader(Path dir) {
        this.dir = dir;
    }

    /** Receives decoded records in order; returns false to stop. */
    public interface RecordSink {
        boolean accept(long sequence, long batchTime, List<LedgerEvent> events);
    }

    /** Delivers records {@code fromBatch..upToBatch} (both committed) to {@code sink} until it returns false. */
    public void read(long fromBatch, long upToBatch, RecordSink sink) {
        if (fromBatch > upToBatch) {
            return;
        }
        List<Path> segments = JournalReader.segments(dir);
        int start = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (JournalFormat.firstSequenceOf(segments.get(i)) <= fromBatch) {
                start = i;
            }
        }
        if (start < 0) {
            throw new CorruptionException(dir, 0, "no journal segment holds batch " + fromBatch);
        }
        MessageDigest sha256 = Hashing.sha256();
        CRC32C crc = new CRC32C();
        long expected = JournalFormat.firstSequenceOf(segments.get(start));
        byte[] previousHash = null;
        long offset = 0;
        Resume hint = resume;
        if (hint != null && hint.file.equals(segments.get(start)) && hint.sequence <= fromBatch && hint.sequence > expected) {
            expected = hint.sequence;
            offset = hint.offset;
            previousHash = hint.previousHash;
        }
        for (int i = start; i < segments.size(); i++, offset = 0) {
            Path file = segments.get(i);
            if (offset == 0 && JournalFormat.firstSequenceOf(file) != expected) {
                throw new CorruptionException(file, 0, "segment starts at batch " + JournalFormat.firstSequenceOf(file)
                        + " but the journal before it ends at batch " + (expected - 1));
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer header = ByteBuffer.allocate(JournalFormat.HEADER_BYTES);
                while (expected <= upToBatch) {
                    header.clear();
                    if (readFully(ch, header, offset) < JournalFormat.HEADER_BYTES) {
                        break; // end of this segment: the next one continues
                    }
                    long sequence = header.getLong(8);
                    int payloadBytes = header.getInt(4);
                    if (header.getInt(0) != JournalFormat.MAGIC || sequence != expected
                            || payloadBytes < 0 || payloadBytes > JournalFormat.MAX_PAYLOAD_BYTES) {
                        throw new CorruptionException(file, offset, "expected committed batch " + expected
                                + ", found a damaged record header");
                    }
                    long next = offset + JournalFormat.OVERHEAD_BYTES + payloadBytes;
                    if (sequence >= fromBatch) {
                        ByteBuffer record = ByteBuffer.allocate(JournalFormat.OVERHEAD_BYTES + payloadBytes);
                        if (readFully(ch, record, offset) < record.capacity()) {
                            throw new CorruptionException(file, offset, "committed batch " + sequence + " is cut short");
                        }
                        byte[] hash = verify(file, offset, record.array(), previousHash, sha256, crc);
                        List<LedgerEvent> events;
                        try {
                            events = EventCodec.decodeAll(ByteBuffer.wrap(record.array(), JournalFormat.HEADER_BYTES,
                                    payloadBytes).slice(), record.getInt(24));
                        } catch (IllegalStateException e) {
                            throw new CorruptionException(file, offset, "undecodable batch " + sequence + " (" + e.getMessage() + ")");
                        }
                        previousHash = hash;
                        if (!sink.accept(sequence, record.getLong(16), events)) {
                            resume = new Resume(file, sequence, offset, prevHashOf(record.array()));
                            return;
                        }
                    }
                    expected++;
                    offset = next;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            if (expected > upToBatch) {
                return;
            }
        }
        throw new CorruptionException(dir, 0, "the journal ends before committed batch " + expected);
    }

    private static byte[] prevHashOf(byte[] record) {
        return Arrays.copyOfRange(record, 28, 60);
    }

    /** Checks checksum, the record's own hash and its link to the record read before it; returns its hash. */
    private static byte[] verify(Path file, long offset, byte[] r, byte[] previousHash, MessageDigest sha256, CRC32C crc) {
        int end = r.length - JournalFormat.TRAILER_BYTES;
        crc.reset();
        crc.update(r, 0, end);
        if ((int) crc.getValue() != ByteBuffer.wrap(r).getInt(end)) {
            throw new CorruptionException(file, offset, "checksum mismatch");
        }
        byte[] prev = Arrays.copyOfRange(r, 28, 60);
        byte[] hash = Arrays.copyOfRange(r, 60, 92);
        if (previousHash != null && !Arrays.equals(prev, previousHash)) {
            throw new CorruptionException(file, offset, "hash chain broken");
        }
        sha256.update(prev);
        sha256.update(r, 0, JournalFormat.HASHED_HEADER_BYTES);
        sha256.update(r, JournalFormat.HEADER_BYTES, end - JournalFormat.HEADER_BYTES);
        if (!Arrays.equals(sha256.digest(), hash)) {
            throw new CorruptionException(file, offset, "record hash mismatch");
        }
        return hash;
    }

    private static int readFully(FileChannel ch, ByteBuffer into, long at) throws IOException {
        int total = 0;
        while (into.hasRemaining()) {
            int n = ch.read(into, at + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        into.flip();
        return total;
    }
}
