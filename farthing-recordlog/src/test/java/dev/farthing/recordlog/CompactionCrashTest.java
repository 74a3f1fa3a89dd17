package dev.farthing.recordlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.farthing.recordlog.LogFiles.bytes;
import static dev.farthing.recordlog.LogFiles.payloads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A snapshot-then-compact sequence interrupted at every step, by leaving each intermediate file state:
 * the log always opens and a snapshot plus the records after it give the same state.
 */
class CompactionCrashTest {
    static final RecordLogOptions SMALL = RecordLogOptions.DEFAULTS.withSegmentBytes(200);

    @TempDir
    Path tmp;

    @Test
    void everyIntermediateStateOfSnapshotAndCompactionOpens() throws IOException {
        Path before = tmp.resolve("before");
        Path after = tmp.resolve("after");
        long oldSnapshot;
        long newSnapshot;
        List<String> all = new ArrayList<>();
        try (RecordLog log = RecordLog.open(before, SMALL)) {
            for (int i = 0; i < 20; i++) {
                log.appendAndSync(1, bytes("r" + i));
                all.add("r" + i);
            }
            oldSnapshot = log.endPosition();
            log.writeSnapshot(oldSnapshot, out -> out.write(bytes("20")));
            for (int i = 20; i < 40; i++) {
                log.appendAndSync(1, bytes("r" + i));
                all.add("r" + i);
            }
            newSnapshot = log.endPosition();
            for (int i = 40; i < 45; i++) {
                log.appendAndSync(1, bytes("r" + i));
                all.add("r" + i);
            }
        }
        LogFiles.copyDir(before, after);
        try (RecordLog log = RecordLog.open(after, SMALL.withRetainedSnapshots(1))) {
            log.writeSnapshot(newSnapshot, out -> out.write(bytes("40")));
            assertThat(log.compact(newSnapshot)).isGreaterThan(2);
        }
        List<Path> segmentsBefore = LogFiles.segments(before);
        List<Path> deleted = segmentsBefore.stream().filter(p -> !Files.exists(after.resolve(p.getFileName()))).toList();
        assertThat(deleted).isNotEmpty();

        // 1: crashed while writing the new snapshot (its temporary is there, not yet renamed).
        Path s1 = state("tmp-snapshot", before);
        Files.write(s1.resolve("." + RecordFormat.snapshotName(newSnapshot) + ".x1.tmp"), bytes("half a snapshot"));
        expectState(s1, oldSnapshot, "20", all);
        // 2: renamed, the older not yet pruned, nothing compacted.
        Path s2 = state("renamed", before);
        Files.copy(after.resolve(RecordFormat.snapshotName(newSnapshot)), s2.resolve(RecordFormat.snapshotName(newSnapshot)));
        expectState(s2, newSnapshot, "40", all);
        // 3: pruned, then each prefix of the segments deleted, oldest first.
        for (int k = 0; k <= deleted.size(); k++) {
            Path s = state("deleted-" + k, s2);
            Files.delete(s.resolve(RecordFormat.snapshotName(oldSnapshot)));
            for (int d = 0; d < k; d++) {
                Files.delete(s.resolve(deleted.get(d).getFileName()));
            }
            expectState(s, newSnapshot, "40", all);
        }
    }

    @Test
    void aMissingSegmentInTheMiddleIsCorruption() throws IOException {
        Path dir = tmp.resolve("gap");
        try (RecordLog log = RecordLog.open(dir, SMALL)) {
            for (int i = 0; i < 30; i++) {
                log.appendAndSync(1, bytes("r" + i));
            }
        }
        List<Path> segments = LogFiles.segments(dir);
        Files.delete(segments.get(1));
        assertThatThrownBy(() -> RecordLog.open(dir, SMALL).close())
                .isInstanceOfSatisfying(RecordLogCorruptException.class, e -> assertThat(e.file()).isEqualTo(segments.get(0)));
    }

    @Test
    void aDamagedNewestSnapshotFallsBackToAnOlderOneTheLogStillCovers() throws IOException {
        Path dir = tmp.resolve("fallback");
        long first;
        try (RecordLog log = RecordLog.open(dir, SMALL)) {
            log.appendAndSync(1, bytes("a"));
            first = log.endPosition();
            log.writeSnapshot(first, out -> out.write(bytes("one")));
            log.appendAndSync(1, bytes("b"));
            log.writeSnapshot(log.endPosition(), out -> out.write(bytes("two")));
        }
        Path newest = LogFiles.snapshots(dir).getLast();
        byte[] raw = Files.readAllBytes(newest);
        raw[RecordFormat.SNAPSHOT_HEADER_BYTES] ^= 1;
        Files.write(newest, raw);
        try (RecordLog log = RecordLog.open(dir, SMALL)) {
            Snapshot s = log.latestSnapshot().orElseThrow();
            assertThat(s.position()).isEqualTo(first);
            assertThat(payloads(log, s.position())).containsExactly("b");
            log.compact(log.endPosition());
        }
    }

    @Test
    void compactedPastEverySoundSnapshotIsCorruption() throws IOException {
        Path dir = tmp.resolve("nosnap");
        try (RecordLog log = RecordLog.open(dir, SMALL)) {
            for (int i = 0; i < 30; i++) {
                log.appendAndSync(1, bytes("r" + i));
            }
            log.writeSnapshot(log.endPosition(), out -> out.write(bytes("all")));
            log.compact(log.endPosition());
        }
        Path snap = LogFiles.snapshots(dir).getFirst();
        Files.write(snap, bytes("garbage"));
        try (RecordLog log = RecordLog.open(dir, SMALL)) {
            assertThatThrownBy(log::latestSnapshot).isInstanceOfSatisfying(RecordLogCorruptException.class,
                    e -> assertThat(e.file()).isEqualTo(snap));
        }
    }

    private Path state(String name, Path from) {
        Path dir = tmp.resolve(name);
        LogFiles.copyDir(from, dir);
        return dir;
    }

    private static void expectState(Path dir, long position, String snapshot, List<String> all) {
        try (RecordLog log = RecordLog.open(dir, SMALL)) {
            Snapshot s = log.latestSnapshot().orElseThrow();
            assertThat(s.position()).as(dir.toString()).isEqualTo(position);
            assertThat(LogFiles.text(s.readAllBytes())).isEqualTo(snapshot);
            int covered = Integer.parseInt(snapshot);
            assertThat(payloads(log, s.position())).as(dir.toString()).isEqualTo(all.subList(covered, all.size()));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.filter(AtomicFiles::isTemporary).toList()).isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
