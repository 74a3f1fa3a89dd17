package dev.farthing.bench.jmh;

import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.index.TransferIndex;
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
 * The index stage's work for one committed batch: {@link TransferIndex#write} of {@code batch} new
 * transfers (three RocksDB keys each: the transfer by id and one newest-first entry per account). The engine
 * gates intake on the index lag, so this rate bounds sustained in-process throughput. Every invocation
 * indexes fresh ids (built outside the measured call), so the database grows as in a real run. Scores are
 * batches per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class IndexWriteBench {
    @Param({"8192"})
    public int batch;

    private Path dir;
    private TransferIndex index;
    private List<LedgerEvent> next;
    private long sequence;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("farthing-jmh-index-");
        index = new TransferIndex(dir);
    }

    @Setup(Level.Invocation)
    public void nextBatch() {
        next = KernelData.committedEvents(KernelData.uniformTransfers("i" + sequence, batch, sequence),
                KernelData.EPOCH_NANOS + sequence * batch);
    }

    @Benchmark
    public long writeBatch() {
        sequence++;
        index.write(next, sequence, next.getLast().timestamp());
        return sequence;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        index.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
