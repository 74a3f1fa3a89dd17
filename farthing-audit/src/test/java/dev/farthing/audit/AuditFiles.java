package dev.farthing.audit;

import dev.farthing.recordlog.RecordFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/** Test helpers: find a record's bytes on disk, change them as a forger would, copy a trail. */
final class AuditFiles {
    private AuditFiles() {
    }

    static Path onlySegment(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            var segments = s.filter(p -> RecordFormat.segmentBaseOf(p) >= 0).toList();
            if (segments.size() != 1) {
                throw new IllegalStateException("expected one segment, found " + segments);
            }
            return segments.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Offset in the segment file of the first payload byte of the record at {@code position}. */
    static long payloadOffset(Path segment, long position) {
        return position - RecordFormat.segmentBaseOf(segment) + RecordFormat.FRAME_HEADER_BYTES;
    }

    /**
     * Flips one byte of the record's payload at {@code payloadIndex}; with {@code fixChecksums} the frame's
     * CRC32C values are recomputed, as a forger who knows the format would, so only the hash chain can tell.
     */
    static void flip(Path segment, long position, int payloadIndex, boolean fixChecksums) {
        try {
            byte[] file = Files.readAllBytes(segment);
            int frame = (int) (position - RecordFormat.segmentBaseOf(segment));
            int length = ByteBuffer.wrap(file, frame, 4).getInt();
            if (payloadIndex < 0 || payloadIndex >= length) {
                throw new IllegalArgumentException("index " + payloadIndex + " outside a payload of " + length);
            }
            file[frame + RecordFormat.FRAME_HEADER_BYTES + payloadIndex] ^= 0x01;
            if (fixChecksums) {
                CRC32C body = new CRC32C();
                body.update(file, frame, 8);
                body.update(file, frame + RecordFormat.FRAME_HEADER_BYTES, length);
                ByteBuffer.wrap(file, frame + 8, 4).putInt((int) body.getValue());
                CRC32C header = new CRC32C();
                header.update(file, frame, 12);
                ByteBuffer.wrap(file, frame + 12, 4).putInt((int) header.getValue());
            }
            Files.write(segment, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> s = Files.list(from)) {
            Files.createDirectories(to);
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
