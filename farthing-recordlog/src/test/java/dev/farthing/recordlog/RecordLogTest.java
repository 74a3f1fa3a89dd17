package dev.farthing.recordlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordLogTest {
    @TempDir
    Path dir;

    static final RecordLogOptions SMALL = RecordLogOptions.DEFAULTS.withSegmentBytes(256);

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> all(RecordLog log) {
        List<String> out = new ArrayList<>();
        log.replay(log.startPosition(), r -> out.add(r.type() + ":" + new String(r.payload(), StandardCharsets.UTF_8)));
        return out;
    }

    static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> RecordFormat.segmentBaseOf(p) >= 0).sorted().toList();
        }
    }

    @Test
    void appendsScanAcrossSegmentsAndSurviveReopen() throws IOException {
        List<String> expected = new ArrayList<>();
        try (RecordLog log = RecordLog.open(dir, SMALL)) {
            List<CompletableFuture<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(log.append(i % 7, bytes("record " + i)));
                expected.add(i % 7 + ":record " + i);
            }
            long previous = -1;
            for (CompletableFuture<Long> f : futures) {
                long position = f.join();
                assertThat(position).isGreaterThan(previous);
                previous = position;
            }
            assertThat(all(log)).isEqualTo(expected);
        }
        assertThat(segments(dir)).hasSizeGreaterThan(3);
        try (RecordLog log = RecordLog.open(dir, SMALL)) {
            assertThat(all(log)).isEqualTo(expected);
            long p = log.appendAndSync(3, bytes("after reopen"));
            assertThat(p).isLessThan(log.endPosition());
            expected.add("3:after reopen");
            assertThat(all(log)).isEqualTo(expected);
        }
    }

    @Test
    void scanFromAPositionReturnsThatRecordOn() {
        try (RecordLog log = RecordLog.open(dir, SMALL)) {
            long[] positions = new long[20];
            for (int i = 0; i < 20; i++) {
                positions[i] = log.appendAndSync(1, bytes("r" + i));
            }
            try (RecordScanner s = log.scan(positions[13])) {
                Record r = s.next();
                assertThat(r.position()).isEqualTo(positions[13]);
                assertThat(new String(r.payload(), StandardCharsets.UTF_8)).isEqualTo("r13");
                assertThat(r.nextPosition()).isEqualTo(positions[14]);
            }
        }
    }

    @Test
    void tornLastFrameIsCutAndEarlierRecordsStay() throws IOException {
        try (RecordLog log = RecordLog.open(dir)) {
            log.appendAndSync(1, bytes("kept"));
            log.appendAndSync(1, bytes("torn away"));
        }
        Path seg = segments(dir).getLast();
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 3);
        }
        try (RecordLog log = RecordLog.open(dir)) {
            assertThat(all(log)).containsExactly("1:kept");
            log.appendAndSync(2, bytes("next"));
            assertThat(all(log)).containsExactly("1:kept", "2:next");
        }
    }

    @Test
    void badChecksumInTheMiddleIsCorruptionNamingFileAndOffset() throws IOException {
        long second;
        try (RecordLog log = RecordLog.open(dir)) {
            log.appendAndSync(1, bytes("first"));
            second = log.appendAndSync(1, bytes("second"));
            log.appendAndSync(1, bytes("third"));
        }
        Path seg = segments(dir).getLast();
        byte[] raw = Files.readAllBytes(seg);
        raw[(int) second + RecordFormat.FRAME_HEADER_BYTES] ^= 1;
        Files.write(seg, raw);
        assertThatThrownBy(() -> RecordLog.open(dir))
                .isInstanceOfSatisfying(RecordLogCorruptException.class, e -> {
                    assertThat(e.file()).isEqualTo(seg);
                    assertThat(e.offset()).isEqualTo(second);
                });
    }

    @Test
    void aBatchIsAtomicOnRecovery() throws IOException {
        try (RecordLog log = RecordLog.open(dir)) {
            log.appendAndSync(1, bytes("before"));
            long[] p = log.appendBatchAndSync(List.of(new Entry(2, bytes("a")), new Entry(2, bytes("b")), new Entry(2, bytes("c"))));
            assertThat(p).hasSize(3).isSorted();
            assertThat(all(log)).containsExactly("1:before", "2:a", "2:b", "2:c");
        }
        Path seg = segments(dir).getLast();
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 1);
        }
        try (RecordLog log = RecordLog.open(dir)) {
            assertThat(all(log)).containsExactly("1:before");
        }
    }

    @Test
    void snapshotThenCompactThenReopen() throws IOException {
        long covered;
        try (RecordLog log = RecordLog.open(dir, SMALL)) {
            for (int i = 0; i < 40; i++) {
                log.appendAndSync(1, bytes("old " + i));
            }
            covered = log.endPosition();
            log.writeSnapshot(covered, out -> out.write(bytes("state after 40")));
            assertThat(log.compact(covered)).isPositive();
            log.appendAndSync(1, bytes("new"));
        }
        try (RecordLog log = RecordLog.open(dir, SMALL)) {
            Snapshot s = log.latestSnapshot().orElseThrow();
            assertThat(s.position()).isEqualTo(covered);
            assertThat(new String(s.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("state after 40");
            List<String> after = new ArrayList<>();
            log.replay(s.position(), r -> after.add(new String(r.payload(), StandardCharsets.UTF_8)));
            assertThat(after).containsExactly("new");
            assertThatThrownBy(() -> log.scan(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void transformIsAppliedToStoredBytes() throws IOException {
        PayloadTransform xor = new PayloadTransform() {
            @Override
            public byte[] encode(int type, byte[] payload) {
                byte[] out = payload.clone();
                for (int i = 0; i < out.length; i++) {
                    out[i] ^= 0x5A;
                }
                return out;
            }

            @Override
            public byte[] decode(int type, byte[] stored) {
                return encode(type, stored);
            }
        };
        try (RecordLog log = RecordLog.open(dir, RecordLogOptions.DEFAULTS.withTransform(xor))) {
            log.appendAndSync(1, bytes("secret-ip-10.0.0.1"));
            assertThat(all(log)).containsExactly("1:secret-ip-10.0.0.1");
        }
        String raw = new String(Files.readAllBytes(segments(dir).getLast()), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("secret-ip");
    }

    @Test
    void atomicFilesReplacesWholeFiles() throws IOException {
        Path f = dir.resolve("sub").resolve("state.bin");
        AtomicFiles.write(f, bytes("one"));
        AtomicFiles.write(f, bytes("two"), null);
        assertThat(Files.readString(f)).isEqualTo("two");
        Files.writeString(dir.resolve("sub").resolve(".state.bin.abc.tmp"), "left by a crash");
        assertThat(AtomicFiles.deleteStaleTemporaries(dir.resolve("sub"))).isEqualTo(1);
        try (Stream<Path> s = Files.list(dir.resolve("sub"))) {
            assertThat(s.toList()).containsExactly(f);
        }
    }
}
