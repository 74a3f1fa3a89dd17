package dev.farthing.recordlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random appends, batches, reopens, torn unacknowledged writes, snapshots and compactions against a model.
 * Prints its seed; rerun one with {@code -Dfarthing.seed=N}.
 */
class RandomRecordLogTest {
    record Kept(long position, int type, byte[] payload) {
    }

    @TempDir
    Path dir;

    @Test
    void randomHistoryMatchesTheModel() throws IOException {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("RandomRecordLogTest seed " + seed + " (rerun with -Dfarthing.seed=" + seed + ")");
        Random rnd = new Random(seed);
        RecordLogOptions options = RecordLogOptions.DEFAULTS.withFsync(false).withSegmentBytes(128 + rnd.nextInt(4096))
                .withMaxGroupBytes(1 + rnd.nextInt(8192));
        List<Kept> model = new ArrayList<>();
        long snapshotAt = -1;
        int snapshotCount = 0;
        RecordLog log = RecordLog.open(dir, options);
        for (int step = 0; step < 400; step++) {
            int op = rnd.nextInt(100);
            if (op < 50) {
                byte[] payload = payload(rnd);
                int type = rnd.nextInt(RecordFormat.MAX_TYPE + 1);
                model.add(new Kept(log.append(type, payload).join(), type, payload));
            } else if (op < 65) {
                List<Entry> batch = new ArrayList<>();
                for (int i = 1 + rnd.nextInt(5); i > 0; i--) {
                    batch.add(new Entry(rnd.nextInt(10), payload(rnd)));
                }
                long[] positions = log.appendBatchAndSync(batch);
                for (int i = 0; i < positions.length; i++) {
                    model.add(new Kept(positions[i], batch.get(i).type(), batch.get(i).payload()));
                }
            } else if (op < 75) {
                log.close();
                log = RecordLog.open(dir, options);
                check(log, model, seed);
            } else if (op < 85) {
                log.close();
                tearTheTail(rnd);
                log = RecordLog.open(dir, options);
                check(log, model, seed);
            } else if (op < 90) {
                snapshotAt = log.endPosition();
                snapshotCount = model.size();
                int count = snapshotCount;
                log.writeSnapshot(snapshotAt, out -> out.write(ByteBuffer.allocate(4).putInt(count).array()));
                log.compact(snapshotAt);
                long start = log.startPosition();
                assertThat(start).isLessThanOrEqualTo(snapshotAt);
            } else {
                check(log, model, seed);
            }
        }
        log.close();
        log = RecordLog.open(dir, options);
        check(log, model, seed);
        if (snapshotAt >= 0) {
            Snapshot s = log.latestSnapshot().orElseThrow();
            assertThat(s.position()).isEqualTo(snapshotAt);
            assertThat(ByteBuffer.wrap(s.readAllBytes()).getInt()).isEqualTo(snapshotCount);
        }
        log.close();
    }

    private static byte[] payload(Random rnd) {
        int size = rnd.nextInt(10) == 0 ? rnd.nextInt(5000) : rnd.nextInt(200);
        byte[] b = new byte[size];
        rnd.nextBytes(b);
        return b;
    }

    /** What an unacknowledged write leaves: a prefix of a frame, or the file grown with zeros. */
    private void tearTheTail(Random rnd) throws IOException {
        Path last = LogFiles.segments(dir).getLast();
        byte[] payload = payload(rnd);
        ByteBuffer frame = ByteBuffer.allocate((int) RecordFormat.frameBytes(payload.length));
        RecordFormat.putFrame(frame, 7, rnd.nextBoolean() ? RecordFormat.FLAG_BATCH_CONTINUES : 0, payload);
        byte[] tail = rnd.nextInt(4) == 0 ? new byte[1 + rnd.nextInt(100)] : Arrays.copyOf(frame.array(), rnd.nextInt(frame.capacity()));
        if (rnd.nextInt(4) == 0 && tail.length > 0) {
            // A whole frame that says another of its batch follows, which never came.
            tail = frame.array().clone();
            ByteBuffer.wrap(tail).putShort(6, (short) RecordFormat.FLAG_BATCH_CONTINUES);
            ByteBuffer t = ByteBuffer.wrap(tail);
            java.util.zip.CRC32C c = new java.util.zip.CRC32C();
            c.update(tail, 0, 8);
            c.update(payload);
            t.putInt(8, (int) c.getValue());
            t.putInt(12, RecordFormat.crc(tail, 0, 12));
        }
        Files.write(last, tail, StandardOpenOption.APPEND);
    }

    private static void check(RecordLog log, List<Kept> model, long seed) {
        List<Kept> expected = model.stream().filter(k -> k.position >= log.startPosition()).toList();
        List<Record> got = new ArrayList<>();
        log.replay(log.startPosition(), got::add);
        assertThat(got).as("seed %d", seed).hasSameSizeAs(expected);
        for (int i = 0; i < got.size(); i++) {
            Record r = got.get(i);
            Kept k = expected.get(i);
            assertThat(r.position()).as("seed %d record %d", seed, i).isEqualTo(k.position);
            assertThat(r.type()).isEqualTo(k.type);
            assertThat(r.payload()).isEqualTo(k.payload);
            if (i + 1 < got.size()) {
                assertThat(r.nextPosition()).isEqualTo(expected.get(i + 1).position);
            } else {
                assertThat(r.nextPosition()).isEqualTo(log.endPosition());
            }
        }
        if (!expected.isEmpty()) {
            int from = new Random(seed ^ expected.size()).nextInt(expected.size());
            try (RecordScanner s = log.scan(expected.get(from).position)) {
                assertThat(s.next().position()).isEqualTo(expected.get(from).position);
            }
        }
    }
}
