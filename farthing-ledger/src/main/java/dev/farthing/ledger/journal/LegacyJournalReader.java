package dev.farthing.ledger.journal;

import dev.farthing.ledger.event.EventCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The previous journal format's reader ({@link JournalFormat}), kept only to migrate a data directory of that
 * version onto the record log ({@link LegacyJournalMigration}). Reads and verifies the journal: checksum, magic, gap-free sequence and hash chain for every record.
 * Damage at the very end of the last segment that looks like an interrupted write (a record cut short,
 * or zero-filled space) is a torn tail and is reported; anything else throws {@link CorruptionException}
 * naming the file and offset, because silently skipping a committed batch would lose money.
 */
public final class LegacyJournalReader {
    private final Path dir;
    private final MessageDigest sha256 = Hashing.sha256();
    private final CRC32C crc = new CRC32C();

    public LegacyJournalReader(Path dir) {
        this.dir = dir;
    }

    public static List<Path> segments(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> JournalFormat.firstSequenceOf(p) > 0)
                    .sorted((a, b) -> Long.compare(JournalFormat.firstSequenceOf(a), JournalFormat.firstSequenceOf(b)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Delivers every record with sequence &gt; {@code afterSequence} to {@code sink}, in order. When
     * {@code afterSequence} &gt; 0, {@code afterHash} is the hash the next record must chain from.
     * Reading starts at the segment holding {@code afterSequence + 1} ({@code fromGenesis} reads all).
     */
    public ScanResult scan(long afterSequence, byte[] afterHash, boolean fromGenesis, Consumer<JournalBatch> sink) {
        List<Path> segments = segments(dir);
        int start = fromGenesis ? 0 : startSegment(segments, afterSequence + 1);
        Cursor c = new Cursor(afterSequence, afterHash);
        for (int i = start; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            readSegment(segments.get(i), last, afterSequence, fromGenesis || i > start, c, sink);
        }
        if (c.lastSequence < afterSequence) {
            throw new CorruptionException(c.endSegment == null ? dir : c.endSegment, c.endOffset,
                    "journal ends at batch " + c.lastSequence + " but the snapshot covers batch " + afterSequence);
        }
        return new ScanResult(c.lastSequence, c.lastHash, c.lastBatchTime, c.endSegment, c.endOffset, c.tornBytes,
                c.delivered, c.lastEventCount);
    }

    private static int startSegment(List<Path> segments, long sequence) {
        int start = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (JournalFormat.firstSequenceOf(segments.get(i)) <= sequence) {
                start = i;
            }
        }
        return start;
    }

    /** Mutable scan position shared across segments. */
    private static final class Cursor {
        long lastSequence;
        byte[] lastHash;
        long lastBatchTime;
        Path endSegment;
        long endOffset;
        long tornBytes;
        long delivered;
        int lastEventCount;
        boolean chainKnown;
        final long startSequence;
        final byte[] startHash;

        Cursor(long afterSequence, byte[] afterHash) {
            startSequence = afterSequence;
            startHash = afterHash;
            lastSequence = afterSequence;
            lastHash = afterHash == null ? JournalFormat.GENESIS_HASH : afterHash;
            chainKnown = afterSequence == 0 || afterHash != null;
        }
    }

    private void readSegment(Path file, boolean lastSegment, long afterSequence, boolean mustContinue, Cursor c,
                             Consumer<JournalBatch> sink) {
        byte[] data = readAll(file);
        long expectedFirst = JournalFormat.firstSequenceOf(file);
        if (mustContinue && expectedFirst != c.lastSequence + 1) {
            // Checked by name, so a lost segment is caught even when the one after it is still empty.
            throw new CorruptionException(file, 0, "segment starts at batch " + expectedFirst
                    + " but the journal before it ends at batch " + c.lastSequence + " (a segment is missing)");
        }
        int offset = 0;
        boolean first = true;
        while (offset < data.length) {
            int end = recordEnd(file, data, offset, lastSegment);
            if (end < 0) {
                c.tornBytes = data.length - offset;
                break;
            }
            ByteBuffer header = ByteBuffer.wrap(data, offset, JournalFormat.HEADER_BYTES);
            long sequence = header.getLong(offset + 8);
            if (first && sequence != expectedFirst) {
                throw new CorruptionException(file, offset, "segment starts at batch " + sequence + ", name says " + expectedFirst);
            }
            first = false;
            if (sequence <= afterSequence && !mustContinue) {
                acceptUnchecked(file, data, offset, sequence, c);
            } else {
                deliver(file, data, offset, end, c, sink);
            }
            offset = end;
        }
        c.endSegment = file;
        c.endOffset = offset;
    }

    /** Records before the replay point, in the start segment: only their hash is taken to seed the chain. */
    private static void acceptUnchecked(Path file, byte[] data, int offset, long sequence, Cursor c) {
        c.lastHash = Arrays.copyOfRange(data, offset + 60, offset + 92);
        if (sequence == c.startSequence && c.startHash != null && !Arrays.equals(c.lastHash, c.startHash)) {
            throw new CorruptionException(file, offset, "batch " + sequence + " does not match the snapshot's hash");
        }
        c.lastSequence = sequence;
        c.lastEventCount = ByteBuffer.wrap(data).getInt(offset + 24);
        c.chainKnown = true;
    }

    private void deliver(Path file, byte[] data, int offset, int end, Cursor c, Consumer<JournalBatch> sink) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        long sequence = buf.getLong(offset + 8);
        long batchTime = buf.getLong(offset + 16);
        int eventCount = buf.getInt(offset + 24);
        if (c.lastSequence != 0 && sequence != c.lastSequence + 1) {
            throw new CorruptionException(file, offset, "batch " + sequence + " follows batch " + c.lastSequence);
        }
        byte[] prevHash = Arrays.copyOfRange(data, offset + 28, offset + 60);
        byte[] hash = Arrays.copyOfRange(data, offset + 60, offset + 92);
        if (c.chainKnown && !Arrays.equals(prevHash, c.lastHash)) {
            throw new CorruptionException(file, offset, "hash chain broken at batch " + sequence);
        }
        int payloadBytes = end - offset - JournalFormat.OVERHEAD_BYTES;
        sha256.update(prevHash);
        sha256.update(data, offset, JournalFormat.HASHED_HEADER_BYTES);
        sha256.update(data, offset + JournalFormat.HEADER_BYTES, payloadBytes);
        if (!Arrays.equals(sha256.digest(), hash)) {
            throw new CorruptionException(file, offset, "record hash mismatch at batch " + sequence);
        }
        JournalBatch batch;
        try {
            batch = new JournalBatch(sequence, batchTime,
                    EventCodec.decodeAll(ByteBuffer.wrap(data, offset + JournalFormat.HEADER_BYTES, payloadBytes).slice(), eventCount),
                    hash, end - offset);
        } catch (IllegalStateException e) {
            throw new CorruptionException(file, offset, "undecodable batch " + sequence + " (" + e.getMessage() + ")");
        }
        sink.accept(batch);
        c.lastSequence = sequence;
        c.lastHash = hash;
        c.lastBatchTime = batchTime;
        c.lastEventCount = eventCount;
        c.chainKnown = true;
        c.delivered++;
    }

    /**
     * End offset of the record at {@code offset}, -1 for a torn tail, or throws on corruption.
     */
    private int recordEnd(Path file, byte[] data, int offset, boolean lastSegment) {
        int remaining = data.length - offset;
        if (lastSegment && (remaining < JournalFormat.OVERHEAD_BYTES || allZero(data, offset))) {
            return -1;
        }
        if (remaining < JournalFormat.OVERHEAD_BYTES) {
            throw new CorruptionException(file, offset, "truncated record in a sealed segment");
        }
        ByteBuffer buf = ByteBuffer.wrap(data);
        if (buf.getInt(offset) != JournalFormat.MAGIC) {
            throw new CorruptionException(file, offset, "bad record magic");
        }
        int payloadBytes = buf.getInt(offset + 4);
        if (payloadBytes < 0 || payloadBytes > JournalFormat.MAX_PAYLOAD_BYTES) {
            throw new CorruptionException(file, offset, "impossible payload length " + payloadBytes);
        }
        long end = (long) offset + JournalFormat.OVERHEAD_BYTES + payloadBytes;
        if (end > data.length) {
            if (lastSegment) {
                return tornUnlessIntactRecordFollows(file, data, offset);
            }
            throw new CorruptionException(file, offset, "record runs past the end of a sealed segment");
        }
        crc.reset();
        crc.update(data, offset, (int) end - 4 - offset);
        if ((int) crc.getValue() != buf.getInt((int) end - 4)) {
            if (lastSegment && end == data.length && zeroRunToEnd(data, offset) >= 16) {
                return tornUnlessIntactRecordFollows(file, data, offset); // the write reached the file size but not all its data pages
            }
            throw new CorruptionException(file, offset, "checksum mismatch");
        }
        return (int) end;
    }

    /**
     * A torn write leaves a prefix of the last write: no complete record can follow the torn one. If one
     * does, this record's length field is damaged, and treating the rest as a torn tail would truncate
     * acknowledged batches: that is corruption.
     */
    private int tornUnlessIntactRecordFollows(Path file, byte[] data, int offset) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        for (int p = offset + 1; p + JournalFormat.OVERHEAD_BYTES <= data.length; p++) {
            if (buf.getInt(p) != JournalFormat.MAGIC) {
                continue;
            }
            int payloadBytes = buf.getInt(p + 4);
            long end = (long) p + JournalFormat.OVERHEAD_BYTES + payloadBytes;
            if (payloadBytes < 0 || end > data.length) {
                continue;
            }
            crc.reset();
            crc.update(data, p, (int) end - 4 - p);
            if ((int) crc.getValue() == buf.getInt((int) end - 4)) {
                throw new CorruptionException(file, offset, "record length runs past intact records (damaged length field)");
            }
        }
        return -1;
    }

    private static boolean allZero(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int zeroRunToEnd(byte[] data, int from) {
        int run = 0;
        for (int i = data.length - 1; i >= from && data[i] == 0; i--) {
            run++;
        }
        return run;
    }

    private static byte[] readAll(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new CorruptionException(file, 0, "segment larger than 2 GiB");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // keep reading
            }
            return buf.array();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
