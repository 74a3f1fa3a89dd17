package dev.farthing.recordlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The segment files of one log, by base position, and the open-time check of {@link RecordFormat}'s
 * torn-tail rule: headers and contiguity of every segment, every frame of the last one.
 */
final class Segments {
    private static final System.Logger LOG = System.getLogger(Segments.class.getName());

    final Path dir;
    final ConcurrentSkipListMap<Long, Path> files = new ConcurrentSkipListMap<>();
    /** What {@link #recover} cut (or, read-only, found), null when the tail was whole. */
    TornTail torn;

    Segments(Path dir) {
        this.dir = dir;
    }

    /** Lists, checks and repairs (cuts a torn tail); returns the log's end position. */
    long recover() {
        return recover(false);
    }

    /**
     * Lists and checks; {@code readOnly} changes nothing on disk (a torn tail is found and reported, not cut;
     * a missing or empty directory is an error) and returns the end position the log would have once opened.
     */
    long recover(boolean readOnly) {
        try {
            if (readOnly) {
                if (!Files.isDirectory(dir)) {
                    throw new UncheckedIOException(new java.io.FileNotFoundException("no record log in " + dir));
                }
            } else {
                Files.createDirectories(dir);
                AtomicFiles.deleteStaleTemporaries(dir);
            }
            boolean snapshots = false;
            try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
                for (Path f : list) {
                    long base = RecordFormat.segmentBaseOf(f);
                    if (base >= 0) {
                        files.put(base, f);
                    }
                    snapshots |= RecordFormat.snapshotPositionOf(f) >= 0;
                }
            }
            if (files.isEmpty()) {
                if (snapshots) {
                    throw new RecordLogCorruptException(dir, 0, "snapshots but no log segments");
                }
                if (readOnly) {
                    throw new UncheckedIOException(new java.io.FileNotFoundException("no record log segments in " + dir));
                }
                create(0);
                return RecordFormat.SEGMENT_HEADER_BYTES;
            }
            checkContiguous();
            return recoverLast(readOnly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open record log in " + dir, e);
        }
    }

    private void checkContiguous() throws IOException {
        Map.Entry<Long, Path> previous = null;
        for (Map.Entry<Long, Path> e : files.entrySet()) {
            if (previous != null) {
                long size = Files.size(previous.getValue());
                long expected = e.getKey() - previous.getKey();
                if (size != expected) {
                    throw new RecordLogCorruptException(previous.getValue(), Math.min(size, expected),
                            "segment is " + size + " bytes but the next segment starts after " + expected);
                }
                try (SegmentReader header = new SegmentReader(previous.getValue(), previous.getKey(), 0, 0)) {
                    // Opening checks the header; frames of non-last segments are checked when scanned.
                }
            }
            previous = e;
        }
    }

    private long recoverLast(boolean readOnly) throws IOException {
        Map.Entry<Long, Path> last = files.lastEntry();
        Path file = last.getValue();
        long size = Files.size(file);
        long boundary;
        try (SegmentReader r = new SegmentReader(file, last.getKey(), 0, size)) {
            boundary = RecordFormat.SEGMENT_HEADER_BYTES;
            SegmentReader.Step step;
            while ((step = r.next()) == SegmentReader.Step.FRAME) {
                if (!r.batchContinues()) {
                    boundary = r.offset();
                }
            }
        }
        if (boundary < size) {
            torn = new TornTail(file, boundary, size - boundary);
            if (readOnly) {
                return last.getKey() + boundary;
            }
            LOG.log(System.Logger.Level.WARNING, "record log " + file + ": cutting a torn tail of " + (size - boundary) + " bytes at offset " + boundary);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(boundary);
                ch.force(true);
            }
        }
        return last.getKey() + boundary;
    }

    /** Creates a segment with its header, atomically, so a segment file is never without a whole header. */
    Path create(long base) {
        Path file = dir.resolve(RecordFormat.segmentName(base));
        AtomicFiles.write(file, RecordFormat.segmentHeader(base));
        files.put(base, file);
        return file;
    }

    long firstBase() {
        return files.firstKey();
    }

    long lastBase() {
        return files.lastKey();
    }
}
