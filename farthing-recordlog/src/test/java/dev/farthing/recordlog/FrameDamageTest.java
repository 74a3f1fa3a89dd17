package dev.farthing.recordlog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static dev.farthing.recordlog.LogFiles.bytes;
import static dev.farthing.recordlog.LogFiles.payloads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The torn-tail rule, byte by byte: a flipped bit anywhere in a frame (length, type, flags, crc, header crc,
 * payload) is corruption at that frame's offset, also in the last frame; truncation at any byte cuts back to
 * the last whole batch and keeps everything before it.
 */
class FrameDamageTest {
    static final RecordLogOptions NO_FSYNC = RecordLogOptions.DEFAULTS.withFsync(false);

    @TempDir
    Path tmp;
    Path original;
    long[] positions;
    long end;

    @BeforeEach
    void writeLog() {
        original = tmp.resolve("original");
        try (RecordLog log = RecordLog.open(original)) {
            long a = log.appendAndSync(1, bytes("alpha"));
            long b = log.appendAndSync(65535, bytes("bravo-bravo"));
            long[] batch = log.appendBatchAndSync(List.of(new Entry(3, bytes("c1")), new Entry(4, bytes("")), new Entry(5, bytes("c3"))));
            long d = log.appendAndSync(6, bytes("delta"));
            positions = new long[] {a, b, batch[0], batch[1], batch[2], d};
            end = log.endPosition();
        }
    }

    private Path copy(String name) {
        Path dir = tmp.resolve(name);
        LogFiles.copyDir(original, dir);
        return dir;
    }

    private static void flip(Path file, long offset, int bit) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        raw[(int) offset] ^= (byte) (1 << bit);
        Files.write(file, raw);
    }

    @Test
    void everyFlippedBitOfEveryFrameIsCorruptionAtThatFrame() throws IOException {
        Path seg = LogFiles.segments(original).getFirst();
        byte[] pristine = Files.readAllBytes(seg);
        long[] ends = {positions[1], positions[2], positions[3], positions[4], positions[5], end};
        int checked = 0;
        for (int f = 0; f < positions.length; f++) {
            for (long offset = positions[f]; offset < ends[f]; offset++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] damaged = pristine.clone();
                    damaged[(int) offset] ^= (byte) (1 << bit);
                    Files.write(seg, damaged); // a refused open changes nothing, so one directory serves every case
                    long frame = positions[f];
                    try (RecordLog ignored = RecordLog.open(original)) {
                        fail("opened a log with bit " + bit + " of byte " + offset + " flipped");
                    } catch (RecordLogCorruptException e) {
                        assertThat(e.file()).isEqualTo(seg);
                        assertThat(e.offset()).as("byte %d bit %d", offset, bit).isEqualTo(frame);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(8 * (end - positions[0]));
        Files.write(seg, pristine);
        try (RecordLog log = RecordLog.open(original)) {
            assertThat(payloads(log, log.startPosition())).hasSize(6);
        }
    }

    @Test
    void everyFlippedBitOfTheSegmentHeaderIsCorruptionAtOffsetZero() throws IOException {
        Path seg = LogFiles.segments(original).getFirst();
        for (int offset = 0; offset < RecordFormat.SEGMENT_HEADER_BYTES; offset++) {
            if (offset >= 20) {
                continue; // the reserved word is not checked; nothing reads it
            }
            for (int bit = 0; bit < 8; bit++) {
                Path dir = copy("header-" + offset + "-" + bit);
                flip(dir.resolve(seg.getFileName()), offset, bit);
                assertThatThrownBy(() -> RecordLog.open(dir).close())
                        .isInstanceOfSatisfying(RecordLogCorruptException.class, e -> assertThat(e.offset()).isZero());
                LogFiles.deleteDir(dir);
            }
        }
    }

    @Test
    void truncationAtEveryByteKeepsExactlyTheWholeBatchesBeforeIt() throws IOException {
        Path seg = LogFiles.segments(original).getFirst();
        byte[] pristine = Files.readAllBytes(seg);
        List<String> all = List.of("alpha", "bravo-bravo", "c1", "", "c3", "delta");
        // Batch boundaries: after alpha, after bravo, after the 3-frame batch, after delta.
        long[] boundaries = {positions[1], positions[2], positions[5], end};
        int[] kept = {1, 2, 5, 6};
        for (long size = RecordFormat.SEGMENT_HEADER_BYTES; size <= end; size++) {
            Files.write(seg, java.util.Arrays.copyOf(pristine, (int) size));
            int expected = 0;
            long boundary = RecordFormat.SEGMENT_HEADER_BYTES;
            for (int i = 0; i < boundaries.length; i++) {
                if (boundaries[i] <= size) {
                    expected = kept[i];
                    boundary = boundaries[i];
                }
            }
            try (RecordLog log = RecordLog.open(original, NO_FSYNC)) {
                assertThat(payloads(log, log.startPosition())).as("cut at %d", size).isEqualTo(all.subList(0, expected));
                assertThat(log.endPosition()).isEqualTo(boundary);
                long again = log.appendAndSync(9, bytes("after"));
                assertThat(again).isEqualTo(boundary);
            }
            assertThat(Files.size(seg)).isEqualTo(boundary + RecordFormat.frameBytes(5));
        }
    }

    @Test
    void aSegmentCutInsideItsHeaderIsCorruptionNotATornTail() throws IOException {
        Path seg = LogFiles.segments(original).getFirst();
        for (int size = 0; size < RecordFormat.SEGMENT_HEADER_BYTES; size++) {
            Path dir = copy("short-" + size);
            try (FileChannel ch = FileChannel.open(dir.resolve(seg.getFileName()), StandardOpenOption.WRITE)) {
                ch.truncate(size);
            }
            assertThatThrownBy(() -> RecordLog.open(dir).close()).isInstanceOf(RecordLogCorruptException.class);
            LogFiles.deleteDir(dir);
        }
    }

    @Test
    void zeroFillAfterTheLastFrameIsATornTail() throws IOException {
        Path dir = copy("zeros");
        Path file = dir.resolve(LogFiles.segments(original).getFirst().getFileName());
        Files.write(file, new byte[64], StandardOpenOption.APPEND);
        try (RecordLog log = RecordLog.open(dir)) {
            assertThat(log.endPosition()).isEqualTo(end);
            assertThat(payloads(log, log.startPosition())).hasSize(6);
        }
        assertThat(Files.size(file)).isEqualTo(end);
    }

    @Test
    void aLastFrameWhosePagesDidNotLandIsATornTail() throws IOException {
        Path dir = tmp.resolve("pages");
        long last;
        try (RecordLog log = RecordLog.open(dir)) {
            log.appendAndSync(1, bytes("kept"));
            last = log.appendAndSync(2, new byte[100]);
        }
        Path file = LogFiles.segments(dir).getFirst();
        byte[] raw = Files.readAllBytes(file);
        raw[(int) last + RecordFormat.FRAME_HEADER_BYTES + 10] = 7; // the checksum now fails; zeros still end it
        Files.write(file, raw);
        try (RecordLog log = RecordLog.open(dir)) {
            assertThat(payloads(log, log.startPosition())).containsExactly("kept");
        }
    }

    @Test
    void aBadChecksumOnACompleteLastFrameIsCorruption() throws IOException {
        Path dir = copy("lastcrc");
        Path file = dir.resolve(LogFiles.segments(original).getFirst().getFileName());
        flip(file, end - 1, 0);
        assertThatThrownBy(() -> RecordLog.open(dir).close())
                .isInstanceOfSatisfying(RecordLogCorruptException.class, e -> assertThat(e.offset()).isEqualTo(positions[5]));
    }
}
