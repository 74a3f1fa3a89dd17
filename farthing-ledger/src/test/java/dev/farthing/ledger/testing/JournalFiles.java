package dev.farthing.ledger.testing;

import dev.farthing.ledger.journal.BatchEncoder;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.recordlog.Entry;

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
import java.util.zip.CRC32C;

/**
 * The test's own reading of the journal's on-disk layout (the record log's segments and frames, the ledger's
 * event and seal frames): where each batch and each frame starts and ends, so damage can be aimed at one field of
 * one frame. Deliberately independent of the record log's and the ledger's readers.
 */
public final class JournalFiles {
    public static final String LOG = "ledger-log";
    public static final int SEGMENT_HEADER = 24;
    public static final int FRAME_HEADER = 16;
    public static final int SEAL_TYPE = 0x100;

    private JournalFiles() {
    }

    /** One frame: where it starts in its file, its payload length and type. */
    public record Frame(long offset, int payloadBytes, int type) {
        public long end() {
            return offset + FRAME_HEADER + payloadBytes;
        }
    }

    /** One batch as laid out on disk: its event frames then its seal, {@code offset} being the first frame's. */
    public record Record(Path file, long offset, int length, long sequence, byte[] hash, List<Frame> frames) {
        public long end() {
            return offset + length;
        }

        public Frame seal() {
            return frames.getLast();
        }
    }

    /** The journal directory of a data directory. */
    public static Path logDir(Path dataDir) {
        return dataDir.resolve(LOG);
    }

    public static long baseOf(Path segment) {
        return Long.parseLong(segment.getFileName().toString().substring(8, 28));
    }

    /** Segment files of a record log directory, by base. */
    public static List<Path> segments(Path logDir) {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(p -> p.getFileName().toString().matches("segment-\\d{20}\\.log"))
                    .sorted(Comparator.comparingLong(JournalFiles::baseOf)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> snapshots(Path logDir) {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(p -> p.getFileName().toString().matches("snapshot-\\d{20}\\.snap")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every complete batch of every segment, in order; stops a segment at the first thing that is not a frame. */
    public static List<Record> records(Path logDir) {
        List<Record> out = new ArrayList<>();
        for (Path segment : segments(logDir)) {
            byte[] data = read(segment);
            ByteBuffer buf = ByteBuffer.wrap(data);
            int offset = SEGMENT_HEADER;
            List<Frame> frames = new ArrayList<>();
            while (offset + FRAME_HEADER <= data.length) {
                int length = buf.getInt(offset);
                if (length < 0 || offset + FRAME_HEADER + (long) length > data.length || (length == 0 && buf.getInt(offset + 4) == 0)) {
                    break;
                }
                int type = Short.toUnsignedInt(buf.getShort(offset + 4));
                frames.add(new Frame(offset, length, type));
                offset += FRAME_HEADER + length;
                if (type == SEAL_TYPE) {
                    long first = frames.getFirst().offset();
                    int at = (int) frames.getLast().offset() + FRAME_HEADER;
                    out.add(new Record(segment, first, (int) (offset - first), buf.getLong(at),
                            Arrays.copyOfRange(data, at + 52, at + 84), List.copyOf(frames)));
                    frames.clear();
                }
            }
        }
        return out;
    }

    /**
     * The bytes the real writer would append as the batch after {@code previous} (sequence + 1, chained to its hash):
     * what a torn write would have been cutting short. Framed here, independently of the record log's writer.
     */
    public static byte[] nextRecord(long previousSequence, byte[] previousHash, long batchTime, List<LedgerEvent> events) {
        List<Entry> entries = new BatchEncoder(previousSequence, previousHash).encode(events, batchTime).entries();
        ByteBuffer out = ByteBuffer.allocate(entries.stream().mapToInt(e -> FRAME_HEADER + e.payload().length).sum());
        for (int i = 0; i < entries.size(); i++) {
            byte[] payload = entries.get(i).payload();
            int start = out.position();
            out.putInt(payload.length).putShort((short) entries.get(i).type()).putShort((short) (i + 1 < entries.size() ? 1 : 0));
            CRC32C crc = new CRC32C();
            crc.update(out.array(), start, 8);
            crc.update(payload);
            out.putInt((int) crc.getValue());
            CRC32C header = new CRC32C();
            header.update(out.array(), start, 12);
            out.putInt((int) header.getValue());
            out.put(payload);
        }
        return out.array();
    }

    /** A whole segment header for {@code base}, as the record log writes it. */
    public static byte[] segmentHeader(long base) {
        ByteBuffer b = ByteBuffer.allocate(SEGMENT_HEADER).putInt(0x46524C47).putInt(1).putLong(base);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 16);
        return b.putInt((int) crc.getValue()).putInt(0).array();
    }

    /** Recomputes both checksums of {@code frame} in {@code segment}, so edited bytes pass the record log's checks. */
    public static void rechecksum(Path segment, Frame frame) {
        byte[] data = read(segment);
        int o = Math.toIntExact(frame.offset());
        CRC32C crc = new CRC32C();
        crc.update(data, o, 8);
        crc.update(data, o + FRAME_HEADER, frame.payloadBytes());
        ByteBuffer.wrap(data).putInt(o + 8, (int) crc.getValue());
        CRC32C header = new CRC32C();
        header.update(data, o, 12);
        ByteBuffer.wrap(data).putInt(o + 12, (int) header.getValue());
        write(segment, data);
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
