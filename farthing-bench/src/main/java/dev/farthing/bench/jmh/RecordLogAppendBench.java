package dev.farthing.bench.jmh;

import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The record log's group commit ({@code farthing-recordlog}): appends of {@code payload}-byte records.
 * {@code appendAndSync}: 8 threads each waiting for its own fsync, so they share groups (what a store with
 * concurrent callers sees). {@code pipelined}: one thread keeping 1,024 appends in flight, the throughput
 * ceiling of one writer and one sync thread. Scores are appends per second. Each iteration writes into a
 * fresh temp directory, deleted afterwards.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RecordLogAppendBench {
    @Param({"128"})
    public int payload;

    @Param({"false", "true"})
    public boolean fsync;

    private Path dir;
    private RecordLog log;
    private byte[] bytes;

    @Setup(Level.Iteration)
    public void open() throws IOException {
        bytes = new byte[payload];
        dir = Files.createTempDirectory("farthing-jmh-recordlog-");
        log = RecordLog.open(dir, RecordLogOptions.DEFAULTS.withFsync(fsync));
    }

    @State(Scope.Thread)
    public static class InFlight {
        final ArrayDeque<CompletableFuture<Long>> futures = new ArrayDeque<>();
    }

    @Benchmark
    @Threads(8)
    public long appendAndSync() {
        return log.appendAndSync(1, bytes);
    }

    @Benchmark
    @Threads(1)
    public long pipelined(InFlight inFlight) {
        inFlight.futures.add(log.append(1, bytes));
        return inFlight.futures.size() > 1024 ? inFlight.futures.poll().join() : 0;
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        log.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
