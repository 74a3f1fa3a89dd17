package dev.farthing.ledger.testing;

import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.journal.JournalFormat;
import dev.farthing.ledger.journal.JournalWriter;
import dev.farthing.ledger.journal.ScanResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test's own reading of the on-disk layout ({@link JournalFormat}): where each record starts and ends,
 * so damage can be aimed at one field of one record. Deliberately independent of {@code JournalReader}.
 */
public final class JournalFiles {
    private JournalFiles() {
    }

    /** One record as laid out on disk. */
    public record Record(Path file, long offset, int length, long sequence, byte[] hash) {
        public long end() {
            return offset + length;
        }

        public int payloadBytes() {
            return length - JournalFormat.OVERHEAD_BYTES;
        }
    }

    public static List<Path> segments(Path journalDir) {
        try (Stream<Path> files = Files.list(journalDir)) {
            return files.filter(p -> JournalFormat.firstSequenceOf(p) > 0)
                    .sorted(Comparator.comparingLong(JournalFormat::firstSequenceOf)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every complete record of every segment, in order; stops a segment at the first thing that is not one. */
    public static List<Record> records(Path journalDir) {
        List<Record> out = new ArrayList<>();
        for (Path segment : segments(journalDir)) {
            byte[] data = read(segment);
            ByteBuffer buf = ByteBuffer.wrap(data);
            int offset = 0;
            while (offset + JournalFormat.OVERHEAD_BYTES <= data.length && buf.getInt(offset) == JournalFormat.MAGIC) {
                int length = JournalFormat.OVERHEAD_BYTES + buf.getInt(offset + 4);
                if (length < JournalFormat.OVERHEAD_BYTES || offset + (long) length > data.length) {
                    break;
                }
                out.add(new Record(segment, offset, length, buf.getLong(offset + 8),
                        Arrays.copyOfRange(data, offset + 60, offset + 92)));
                offset += length;
            }
        }
        return out;
    }

    public static List<Record> recordsIn(Path journalDir, Path segment) {
        return records(journalDir).stream().filter(r -> r.file().equals(segment)).toList();
    }

    /**
     * The bytes the real writer would append as the record after {@code previous} (sequence + 1, chained
     * to its hash): what a torn write would have been cutting short.
     */
    public static byte[] nextRecord(long previousSequence, byte[] previousHash, long batchTime, List<LedgerEvent> events) {
        try {
            Path scratch = Files.createTempDirectory("farthing-record");
            try {
                ScanResult after = new ScanResult(previousSequence, previousHash, 0, null, 0, 0, 0);
                try (JournalWriter writer = new JournalWriter(scratch, after, 1L << 30, false)) {
                    writer.append(events, batchTime);
                    writer.commit();
                }
                return Files.readAllBytes(scratch.resolve(JournalFormat.segmentName(previousSequence + 1)));
            } finally {
                try (Stream<Path> files = Files.list(scratch)) {
                    for (Path p : files.toList()) {
                        Files.delete(p);
                    }
                }
                Files.delete(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void append(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** XORs {@code mask} (non-zero) into the byte at {@code offset}. */
    public static void flip(Path file, long offset, int mask) {
        byte[] data = read(file);
        data[Math.toIntExact(offset)] ^= (byte) mask;
        write(file, data);
    }

    public static void truncate(Path file, long size) {
        byte[] data = read(file);
        write(file, Arrays.copyOf(data, Math.toIntExact(size)));
    }

    public static void write(Path file, byte[] data) {
        try {
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("LOCK")) {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
