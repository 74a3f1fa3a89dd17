package dev.farthing.bench.disk;

import org.HdrHistogram.Histogram;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a RocksDB memtable flush does to the journal's fdatasync on the same disk. A journal-like appender writes
 * {@code record} bytes and fdatasyncs in a closed loop for {@code seconds}, once alone and then while a writer fills
 * a RocksDB with the ledger index's options (128 MiB memtables, no WAL), with {@code bytes_per_sync} as given
 * (0 = RocksDB's default, the ledger's setting before; 1 MiB = the ledger's now). Prints one JSON line per phase.
 *
 * <pre>farthing-bench/bench fsync-probe [seconds] [record-bytes] [dir]</pre>
 */
public final class FsyncStallProbe {
    private FsyncStallProbe() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int record = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("fsync-probe");
        RocksDB.loadLibrary();
        System.out.println(phase("fsync_alone", dir.resolve("alone"), seconds, record, -1));
        System.out.println(phase("fsync_with_rocksdb_default_bytes_per_sync", dir.resolve("default"), seconds, record, 0));
        System.out.println(phase("fsync_with_rocksdb_bytes_per_sync_1MiB", dir.resolve("smoothed"), seconds, record, 1L << 20));
    }

    /** {@code bytesPerSync} &lt; 0: no RocksDB writer. */
    private static String phase(String name, Path dir, double seconds, int record, long bytesPerSync) throws Exception {
        Files.createDirectories(dir);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong indexed = new AtomicLong();
        Thread writer = null;
        Options options = null;
        RocksDB db = null;
        if (bytesPerSync >= 0) {
            options = new Options().setCreateIfMissing(true).setWriteBufferSize(128L << 20).setMaxWriteBufferNumber(4)
                    .setMaxBackgroundJobs(2).setLevel0FileNumCompactionTrigger(8).setLevel0SlowdownWritesTrigger(40)
                    .setLevel0StopWritesTrigger(64).setBytesPerSync(bytesPerSync);
            db = RocksDB.open(options, dir.resolve("rocks").toString());
            RocksDB target = db;
            writer = Thread.ofPlatform().name("probe-rocksdb").start(() -> fill(target, stop, indexed));
        }
        Histogram fsyncs = new Histogram(60_000_000_000L, 3);
        ByteBuffer data = ByteBuffer.allocate(record);
        try (FileChannel journal = FileChannel.open(dir.resolve("journal.log"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                data.clear();
                journal.write(data);
                long t0 = System.nanoTime();
                journal.force(false);
                fsyncs.recordValue(System.nanoTime() - t0);
            }
        } finally {
            stop.set(true);
            if (writer != null) {
                writer.join();
                db.close();
                options.close();
            }
        }
        return String.format("{\"phase\":\"%s\",\"fsyncs\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,\"max_ms\":%.3f,"
                        + "\"rocksdb_mb_per_s\":%.1f,\"record_bytes\":%d}", name, fsyncs.getTotalCount(),
                fsyncs.getValueAtPercentile(50) / 1e6, fsyncs.getValueAtPercentile(99) / 1e6,
                fsyncs.getValueAtPercentile(99.9) / 1e6, fsyncs.getMaxValue() / 1e6,
                indexed.get() / seconds / 1e6, record);
    }

    /** Index-like writes: 24-byte keys, 120-byte values, random order, 8,192 per write batch. */
    private static void fill(RocksDB db, AtomicBoolean stop, AtomicLong bytes) {
        SplittableRandom random = new SplittableRandom(42);
        byte[] value = new byte[120];
        try (WriteOptions wo = new WriteOptions().setDisableWAL(true)) {
            while (!stop.get()) {
                try (WriteBatch batch = new WriteBatch()) {
                    for (int i = 0; i < 8192; i++) {
                        byte[] key = ByteBuffer.allocate(24).putLong(random.nextLong()).putLong(random.nextLong()).array();
                        batch.put(key, value);
                    }
                    db.write(wo, batch);
                    bytes.addAndGet(8192L * 144);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
