package dev.farthing.bench.jmh;

import dev.farthing.ledger.event.ByteSink;
import dev.farthing.ledger.event.EventCodec;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.journal.Hashing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * The CPU parts of a journal append, each alone, per batch of {@code batch} transfers: encoding the events
 * ({@link EventCodec}), the per-record CRC32C and the SHA-256 of the hash chain. Scores are batches per
 * second; multiply by {@code batch} for transfers per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ChecksumBench {
    @Param({"64", "8192"})
    public int batch;

    private List<LedgerEvent> events;
    private final ByteSink sink = new ByteSink(1 << 20);
    private byte[] encoded;
    private final CRC32C crc = new CRC32C();
    private final MessageDigest sha256 = Hashing.sha256();

    @Setup
    public void setup() {
        events = KernelData.committedEvents(KernelData.uniformTransfers("k", batch, 7));
        encodeEvents();
        encoded = sink.toByteArray();
    }

    @Benchmark
    public int encodeEvents() {
        sink.reset();
        for (LedgerEvent e : events) {
            EventCodec.encode(e, sink);
        }
        return sink.size();
    }

    @Benchmark
    public long crc32c() {
        crc.reset();
        crc.update(encoded, 0, encoded.length);
        return crc.getValue();
    }

    @Benchmark
    public byte[] sha256() {
        sha256.update(encoded, 0, encoded.length);
        return sha256.digest();
    }

    @Benchmark
    public byte[] encodeCrcAndSha() {
        encodeEvents();
        crc.reset();
        crc.update(sink.array(), 0, sink.size());
        sha256.update(sink.array(), 0, sink.size());
        byte[] hash = sha256.digest();
        hash[0] ^= (byte) crc.getValue();
        return hash;
    }
}
