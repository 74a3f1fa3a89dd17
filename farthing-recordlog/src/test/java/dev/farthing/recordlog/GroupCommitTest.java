package dev.farthing.recordlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.farthing.recordlog.LogFiles.bytes;
import static dev.farthing.recordlog.LogFiles.payloads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Completion only after the covering fsync, fsyncs shared by groups, back-pressure, concurrent appenders. */
class GroupCommitTest {
    @TempDir
    Path dir;

    /** A force that waits for the test to let it through, counting forces. */
    static final class HeldForce implements GroupCommitter.Forcer {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);
        final AtomicInteger forces = new AtomicInteger();

        @Override
        public void force(Segment segment) throws java.io.IOException {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            segment.force();
            forces.incrementAndGet();
        }
    }

    @Test
    void callersCompleteOnlyAfterTheFsyncAndShareIt() throws Exception {
        HeldForce held = new HeldForce();
        try (RecordLog log = RecordLog.open(dir, RecordLogOptions.DEFAULTS, held)) {
            CompletableFuture<Long> first = log.append(1, bytes("first"));
            assertThat(held.entered.await(5, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Long>> waiting = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                waiting.add(log.append(1, bytes("r" + i)));
            }
            Thread.sleep(50);
            assertThat(first).isNotDone();
            assertThat(waiting).noneMatch(CompletableFuture::isDone);
            assertThat(log.endPosition()).isEqualTo(log.startPosition());
            held.release.countDown();
            CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            assertThat(first.join()).isEqualTo(log.startPosition());
            // 201 appends, but everything that queued behind the held fsync shared the next ones.
            assertThat(held.forces.get()).isLessThan(100);
            assertThat(payloads(log, log.startPosition())).hasSize(201);
        }
    }

    @Test
    void aFullQueueRefusesAtOnceWithAZeroTimeout() throws Exception {
        HeldForce held = new HeldForce();
        RecordLogOptions options = RecordLogOptions.DEFAULTS.withQueueCapacity(4).withOfferTimeout(Duration.ZERO);
        try (RecordLog log = RecordLog.open(dir, options, held)) {
            List<CompletableFuture<Long>> accepted = new ArrayList<>();
            RecordLogFullException refused = null;
            // The sync thread holds one group, at most 64 wait for it, the writer holds one more: then the queue fills.
            for (int i = 0; i < 1000 && refused == null; i++) {
                try {
                    accepted.add(log.append(1, bytes("r" + i)));
                } catch (RecordLogFullException e) {
                    refused = e;
                }
                if (i == 0) {
                    held.entered.await(5, TimeUnit.SECONDS);
                }
            }
            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).contains("queue full");
            assertThat(accepted.size()).isBetween(4, 1 + 64 + 4 + 64);
            held.release.countDown();
            CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            assertThat(payloads(log, log.startPosition())).hasSize(accepted.size());
            log.appendAndSync(1, bytes("room again"));
        }
    }

    @Test
    void aFullQueueBlocksTheCallerForTheTimeout() throws Exception {
        HeldForce held = new HeldForce();
        RecordLogOptions options = RecordLogOptions.DEFAULTS.withQueueCapacity(1).withOfferTimeout(Duration.ofMillis(200));
        try (RecordLog log = RecordLog.open(dir, options, held)) {
            log.append(1, bytes("held"));
            held.entered.await(5, TimeUnit.SECONDS);
            long started = System.nanoTime();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 1000; i++) {
                    log.append(1, bytes("r" + i));
                }
            }).isInstanceOf(RecordLogFullException.class);
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(waitedMs).isGreaterThanOrEqualTo(190);
            held.release.countDown();
        }
    }

    @Test
    void concurrentAppendersKeepTheirOrderAndEveryRecordLandsOnce() throws Exception {
        int threads = 8;
        int each = 500;
        try (RecordLog log = RecordLog.open(dir, RecordLogOptions.DEFAULTS.withSegmentBytes(16 << 10))) {
            List<Thread> workers = new ArrayList<>();
            List<List<CompletableFuture<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<CompletableFuture<Long>> mine = new ArrayList<>();
                futures.add(mine);
                int id = t;
                workers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < each; i++) {
                        mine.add(i % 10 == 0
                                ? log.appendBatch(List.of(new Entry(id, bytes(id + "/" + i)))).thenApply(p -> p[0])
                                : log.append(id, bytes(id + "/" + i)));
                    }
                }));
            }
            for (Thread w : workers) {
                w.join();
            }
            Set<Long> positions = new HashSet<>();
            for (List<CompletableFuture<Long>> mine : futures) {
                long previous = -1;
                for (CompletableFuture<Long> f : mine) {
                    long p = f.get(10, TimeUnit.SECONDS);
                    assertThat(p).isGreaterThan(previous);
                    previous = p;
                    positions.add(p);
                }
            }
            assertThat(positions).hasSize(threads * each);
            int[] next = new int[threads];
            log.replay(log.startPosition(), r -> {
                String[] parts = LogFiles.text(r.payload()).split("/");
                int t = Integer.parseInt(parts[0]);
                assertThat(r.type()).isEqualTo(t);
                assertThat(Integer.parseInt(parts[1])).isEqualTo(next[t]++);
            });
            assertThat(next).containsOnly(each);
        }
    }

    @Test
    void appendsAfterCloseAreRefused() {
        RecordLog log = RecordLog.open(dir);
        log.appendAndSync(1, bytes("x"));
        log.close();
        assertThatThrownBy(() -> log.append(1, bytes("y"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aFailedFsyncFailsTheWaitingCallersAndStopsTheLog() {
        GroupCommitter.Forcer broken = segment -> {
            throw new java.io.IOException("disk gone");
        };
        try (RecordLog log = RecordLog.open(dir, RecordLogOptions.DEFAULTS, broken)) {
            assertThatThrownBy(() -> log.appendAndSync(1, bytes("lost")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped after a failure");
            assertThatThrownBy(() -> log.append(1, bytes("later"))).isInstanceOf(IllegalStateException.class);
        }
    }
}
