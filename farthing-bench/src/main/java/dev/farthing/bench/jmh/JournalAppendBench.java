package dev.farthing.bench.jmh;

import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.journal.BatchEncoder;
import dev.farthing.ledger.journal.LedgerFrames;
import dev.farthing.ledger.journal.LedgerLog;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The ledger's real journal path: {@link BatchEncoder#encode} (one event frame per event, SHA-256 chain) then
 * {@link LedgerLog#append} on the record log, waited for (its writer thread writes and CRC32Cs the frames, its
 * sync thread fsyncs when {@code fsync=true}) of a batch of {@code batch} transfers; one batch in flight, so this is
 * the latency-bound path, not the pipelined one the ledger runs. With fsync off it shows the CPU ceiling of the journal; with fsync on, the
 * device's flush latency, which group commit amortises over every batch that arrives meanwhile. Scores are
 * batches per second. Each iteration writes into a fresh temp directory, deleted afterwards.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class JournalAppendBench {
    @Param({"64", "8192"})
    public int batch;

    @Param({"false", "true"})
    public boolean fsync;

    private List<LedgerEvent> events;
    private Path dir;
    private LedgerLog log;
    private BatchEncoder encoder;
    private long batchTime;

    @Setup(Level.Trial)
    public void events() {
        events = KernelData.committedEvents(KernelData.uniformTransfers("j", batch, 11));
    }

    @Setup(Level.Iteration)
    public void open() throws IOException {
        dir = Files.createTempDirectory("farthing-jmh-journal-");
        log = LedgerLog.open(dir, fsync, 64L << 20);
        encoder = new BatchEncoder(0, LedgerFrames.GENESIS_HASH);
    }

    @Benchmark
    public long appendAndCommit() {
        BatchEncoder.Encoded encoded = encoder.encode(events, ++batchTime);
        log.append(encoded).join();
        return encoded.sequence();
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        log.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
