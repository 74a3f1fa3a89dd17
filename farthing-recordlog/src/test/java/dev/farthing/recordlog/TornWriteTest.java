package dev.farthing.recordlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.farthing.recordlog.LogFiles.bytes;
import static dev.farthing.recordlog.LogFiles.payloads;
import static dev.farthing.recordlog.LogFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * A power loss during the last write of multi-frame batches (event frames, then a seal frame, as the ledger
 * journal writes them): the file's size landed, its pages from any byte on did not. Whatever byte the zeros
 * start at, open cuts back to the last whole batch before the first damaged frame; a damaged frame followed by
 * anything but zeros stays corruption.
 */
class TornWriteTest {
    static final RecordLogOptions NO_FSYNC = RecordLogOptions.DEFAULTS.withFsync(false);

    @TempDir
    Path tmp;

    /** A written log: every frame's position and payload in order, and the end of each batch. */
    record Written(Path dir, Path segment, byte[] pristine, List<Long> frames, List<String> payloads, List<Long> batchEnds) {
        long end() {
            return pristine.length;
        }
    }

    /** An event's payload ending in zero fields, as ledger events often do. */
    private static Entry event(int type, String name, int trailingZeros) {
        return new Entry(type, Arrays.copyOf(bytes(name), name.length() + trailingZeros));
    }

    /** A seal frame: the batch's last frame, ending in hash-like non-zero bytes. */
    private static Entry seal(String name) {
        return new Entry(0x100, bytes(name + "-hash-" + "#".repeat(24)));
    }

    private static List<List<Entry>> prefix() {
        return List.of(List.of(new Entry(1, bytes("alpha"))), List.of(event(2, "e0", 12), seal("s0")));
    }

    /** Writes {@code prefix} batch by batch, then {@code last} enqueued together (one group, as the journal does). */
    private Written write(String name, List<List<Entry>> prefix, List<List<Entry>> last) throws IOException {
        Path dir = tmp.resolve(name);
        List<Long> frames = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Long> batchEnds = new ArrayList<>(List.of((long) RecordFormat.SEGMENT_HEADER_BYTES));
        try (RecordLog log = RecordLog.open(dir)) {
            for (List<Entry> batch : prefix) {
                record(frames, texts, batch, log.appendBatchAndSync(batch));
                batchEnds.add(log.endPosition());
            }
            List<CompletableFuture<long[]>> pending = last.stream().map(log::appendBatch).toList();
            for (int i = 0; i < last.size(); i++) {
                record(frames, texts, last.get(i), pending.get(i).join());
                batchEnds.add(i + 1 < last.size() ? pending.get(i + 1).join()[0] : log.endPosition());
            }
        }
        Path segment = LogFiles.segments(dir).getFirst();
        return new Written(dir, segment, Files.readAllBytes(segment), frames, texts, batchEnds);
    }

    private static void record(List<Long> frames, List<String> texts, List<Entry> batch, long[] positions) {
        for (int i = 0; i < batch.size(); i++) {
            frames.add(positions[i]);
            texts.add(text(batch.get(i).payload()));
        }
    }

    @Test
    void aMultiFrameBatchZeroedFromAnyByteIsCutBackToTheBatchBeforeIt() throws IOException {
        List<List<Entry>> last = List.of(List.of(event(3, "e1", 20), new Entry(4, new byte[0]), event(5, "e3", 3), seal("s1")));
        Written w = write("batch", prefix(), last);
        assertZeroedFromEveryByteOfTheLastWrite(w, w.frames().get(3));
    }

    @Test
    void aGroupOfBatchesZeroedFromAnyByteKeepsTheWholeBatchesBeforeTheDamage() throws IOException {
        List<List<Entry>> last = List.of(
                List.of(event(3, "e1", 17), seal("s1")),
                List.of(seal("s2")),
                List.of(event(4, "e3", 0), event(5, "e4", 40), new Entry(6, new byte[0]), seal("s3")));
        Written w = write("group", prefix(), last);
        assertZeroedFromEveryByteOfTheLastWrite(w, w.frames().get(3));
    }

    /** Zeroes {@code [z, end)} for every z from {@code writeStart} and checks open against the rule, byte by byte. */
    private void assertZeroedFromEveryByteOfTheLastWrite(Written w, long writeStart) throws IOException {
        long end = w.end();
        int torn = 0;
        for (long z = writeStart; z < end; z++) {
            byte[] damaged = w.pristine().clone();
            Arrays.fill(damaged, (int) z, (int) end, (byte) 0);
            long firstChanged = z;
            while (firstChanged < end && w.pristine()[(int) firstChanged] == 0) {
                firstChanged++;
            }
            Files.write(w.segment(), damaged);
            if (firstChanged == end) {
                assertWholeLog(w, z); // only zeros were zeroed: nothing changed
                continue;
            }
            int frame = frameHolding(w, firstChanged);
            long frameStart = w.frames().get(frame);
            long zeroRun = end - z;
            while (zeroRun < end && damaged[(int) (end - zeroRun - 1)] == 0) {
                zeroRun++;
            }
            if (zeroRun < RecordFormat.FRAME_HEADER_BYTES) {
                // Fewer than 16 zeros at the end: too little to tell lost pages from a damaged frame.
                assertCorruptAt(w, frameStart, "zeros from " + z);
                continue;
            }
            long boundary = w.batchEnds().stream().filter(b -> b <= frameStart).max(Long::compare).orElseThrow();
            int kept = (int) w.frames().stream().filter(p -> p < boundary).count();
            try (RecordLog ro = RecordLog.openReadOnly(w.dir(), NO_FSYNC)) {
                assertThat(ro.tornTail()).as("zeros from %d", z).contains(new TornTail(w.segment(), boundary, end - boundary));
                assertThat(ro.endPosition()).isEqualTo(boundary);
            }
            assertThat(Files.size(w.segment())).as("a read-only open cuts nothing").isEqualTo(end);
            try (RecordLog log = RecordLog.open(w.dir(), NO_FSYNC)) {
                assertThat(payloads(log, log.startPosition())).as("zeros from %d", z).isEqualTo(w.payloads().subList(0, kept));
                assertThat(log.endPosition()).isEqualTo(boundary);
            }
            assertThat(Files.size(w.segment())).isEqualTo(boundary);
            torn++;
        }
        // Every start with at least 16 bytes after it is a torn tail whatever the bytes are.
        assertThat(torn).isGreaterThanOrEqualTo((int) (end - writeStart) - (RecordFormat.FRAME_HEADER_BYTES - 1));
    }

    private static int frameHolding(Written w, long offset) {
        int frame = 0;
        while (frame + 1 < w.frames().size() && w.frames().get(frame + 1) <= offset) {
            frame++;
        }
        return frame;
    }

    private static void assertWholeLog(Written w, long z) {
        try (RecordLog log = RecordLog.open(w.dir(), NO_FSYNC)) {
            assertThat(log.tornTail()).as("zeros from %d", z).isEmpty();
            assertThat(payloads(log, log.startPosition())).isEqualTo(w.payloads());
        }
    }

    private static void assertCorruptAt(Written w, long frameStart, String what) {
        try (RecordLog ignored = RecordLog.open(w.dir(), NO_FSYNC)) {
            fail("opened a log with " + what);
        } catch (RecordLogCorruptException e) {
            assertThat(e.file()).as(what).isEqualTo(w.segment());
            assertThat(e.offset()).as(what).isEqualTo(frameStart);
        }
    }

    @Test
    void aDamagedFrameFollowedByAnythingButZerosIsCorruption() throws IOException {
        List<List<Entry>> last = List.of(List.of(event(3, "e1", 0), event(4, "e2", 2), seal("s1")));
        Written w = write("followed", prefix(), last);
        long e1 = w.frames().get(3);
        long e2 = w.frames().get(4);
        long end = w.end();
        int inside = RecordFormat.FRAME_HEADER_BYTES + 1;

        byte[] payloadTail = w.pristine().clone(); // the frames after it are whole
        Arrays.fill(payloadTail, (int) e1 + inside, (int) e2, (byte) 0);
        Files.write(w.segment(), payloadTail);
        assertCorruptAt(w, e1, "a zeroed payload tail before whole frames");

        byte[] strayByte = w.pristine().clone(); // zeros from inside it to the end, but one
        Arrays.fill(strayByte, (int) e1 + inside, (int) end - 1, (byte) 0);
        Files.write(w.segment(), strayByte);
        assertCorruptAt(w, e1, "zeros then a non-zero last byte");

        byte[] header = w.pristine().clone(); // a header zeroed from its middle, non-zero data after it
        Arrays.fill(header, (int) e2 + 5, (int) e2 + RecordFormat.FRAME_HEADER_BYTES, (byte) 0);
        Files.write(w.segment(), header);
        assertCorruptAt(w, e2, "a half-zeroed header before its payload");

        byte[] flipped = w.pristine().clone(); // a bad frame, then zeros from the next frame on
        flipped[(int) e1 + inside - 1] ^= 1;
        Arrays.fill(flipped, (int) e2, (int) end, (byte) 0);
        Files.write(w.segment(), flipped);
        assertCorruptAt(w, e1, "a flipped payload byte before zeros that start after its frame");
        assertThat(Files.readAllBytes(w.segment())).as("a refused open cuts nothing").isEqualTo(flipped);
    }

    @Test
    void zerosFromInsideAFrameOfANonLastSegmentAreCorruptionWhenScanned() throws IOException {
        Path dir = tmp.resolve("segments");
        long second;
        try (RecordLog log = RecordLog.open(dir, NO_FSYNC.withSegmentBytes(200))) {
            log.appendBatchAndSync(prefix().get(1));
            second = log.appendBatchAndSync(List.of(event(3, "e1", 0), seal("s1")))[1];
            log.appendBatchAndSync(List.of(event(4, "e2", 0), seal("s2"), event(5, "e3", 0), seal("s3")));
        }
        List<Path> files = LogFiles.segments(dir);
        assertThat(files).hasSize(2);
        Path first = files.getFirst();
        long offset = second - RecordFormat.segmentBaseOf(first);
        byte[] raw = Files.readAllBytes(first);
        Arrays.fill(raw, (int) offset + RecordFormat.FRAME_HEADER_BYTES + 3, raw.length, (byte) 0);
        Files.write(first, raw);
        try (RecordLog log = RecordLog.open(dir, NO_FSYNC)) {
            assertThat(log.tornTail()).isEmpty();
            assertThatThrownBy(() -> payloads(log, log.startPosition()))
                    .isInstanceOfSatisfying(RecordLogCorruptException.class, e -> {
                        assertThat(e.file()).isEqualTo(first);
                        assertThat(e.offset()).isEqualTo(offset);
                    });
        }
    }
}
