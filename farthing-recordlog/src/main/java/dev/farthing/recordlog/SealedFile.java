package dev.farthing.recordlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small file of records that is only ever replaced whole (a closed channel, a cursor, a state blob): one
 * segment in {@link RecordFormat}'s layout (header with base 0, then one or more frames as one batch), written with
 * {@link AtomicFiles}. It is never torn, so anything short of whole frames is corruption, never cut.
 */
public final class SealedFile {
    private SealedFile() {
    }

    public static void write(Path target, List<Entry> entries) {
        write(target, entries, PayloadTransform.IDENTITY, null);
    }

    /** Replaces {@code target} with {@code entries}; {@code permissions} as in {@link AtomicFiles#write}. */
    public static void write(Path target, List<Entry> entries, PayloadTransform transform, Set<PosixFilePermission> permissions) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a sealed file holds at least one record (so a cut-off file is never mistaken for an empty one)");
        }
        long bytes = RecordFormat.SEGMENT_HEADER_BYTES;
        List<byte[]> stored = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            byte[] s = transform.encode(e.type(), e.payload());
            stored.add(s);
            bytes += RecordFormat.frameBytes(s.length);
        }
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a sealed file of " + bytes + " bytes is too large");
        }
        ByteBuffer out = ByteBuffer.allocate((int) bytes);
        out.put(RecordFormat.segmentHeader(0));
        for (int i = 0; i < entries.size(); i++) {
            int flags = i + 1 < entries.size() ? RecordFormat.FLAG_BATCH_CONTINUES : 0;
            RecordFormat.putFrame(out, entries.get(i).type(), flags, stored.get(i));
        }
        AtomicFiles.write(target, out.array(), permissions);
    }

    public static List<Record> read(Path file) {
        return read(file, PayloadTransform.IDENTITY);
    }

    /** Every record of {@code file}; throws {@link RecordLogCorruptException} for any damage. */
    public static List<Record> read(Path file, PayloadTransform transform) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Record> out = new ArrayList<>();
        boolean continues = false;
        try (SegmentReader r = new SegmentReader(file, 0, 0, size)) {
            SegmentReader.Step step;
            while ((step = r.next()) == SegmentReader.Step.FRAME) {
                out.add(new Record(r.frameOffset(), r.type(), transform.decode(r.type(), r.stored()), r.offset()));
                continues = r.batchContinues();
            }
            if (step == SegmentReader.Step.TORN || continues || out.isEmpty()) {
                throw new RecordLogCorruptException(file, r.frameOffset(), "a sealed file ends in an incomplete record");
            }
        }
        return out;
    }

    /** True when {@code file} starts like a record-log file (to tell it from an older format). */
    public static boolean looksSealed(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && ByteBuffer.wrap(magic).getInt() == RecordFormat.SEGMENT_MAGIC;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
