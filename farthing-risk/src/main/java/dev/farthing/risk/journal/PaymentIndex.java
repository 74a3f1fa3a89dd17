package dev.farthing.risk.journal;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Payments by id on disk, for as long as the journal keeps them: {@code p<id>} → {@link IndexedPayment};
 * {@code m} → the {@link JournalPosition} the index reflects. The journal is the source of truth and the index
 * is derived from it (a fold of its records), so RocksDB's write-ahead log is off: a crash loses at most the
 * unflushed memtable, position record included, and the next start folds the journal from that position on.
 * One writer (the index stage, or start-up before it runs); {@link #get} from any thread.
 */
public final class PaymentIndex implements AutoCloseable {
    private static final byte[] META_KEY = {'m'};
    private final Path dir;
    private final LRUCache cache;
    private final Options options;
    private final WriteOptions writeOptions = new WriteOptions().setSync(false).setDisableWAL(true);
    private final RocksDB db;
    /** Readers on callers' threads must never touch a closed RocksDB (native use-after-free). */
    private final java.util.concurrent.locks.ReentrantReadWriteLock open = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private boolean closed;

    static {
        RocksDB.loadLibrary();
    }

    private PaymentIndex(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            cache = new LRUCache(16L << 20);
            BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache)
                    .setFilterPolicy(new BloomFilter(10, false));
            options = new Options().setCreateIfMissing(true).setTableFormatConfig(table)
                    .setWriteBufferSize(32L << 20).setMaxWriteBufferNumber(3).setMaxBackgroundJobs(1)
                    .setKeepLogFileNum(2);
            db = RocksDB.open(options, dir.toString());
        } catch (IOException | RocksDBException e) {
            throw new IllegalStateException("cannot open the payment index in " + dir + ": " + e.getMessage(), e);
        }
    }

    public static PaymentIndex open(Path dir) {
        return new PaymentIndex(dir);
    }

    /** Deletes the index in {@code dir} (to be rebuilt from the journal). */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the payment index " + dir, e);
        }
    }

    /** The journal position this index reflects; {@link JournalPosition#START} for a new one. */
    public JournalPosition position() {
        try {
            byte[] v = db.get(META_KEY);
            if (v == null) {
                return JournalPosition.START;
            }
            ByteBuffer b = ByteBuffer.wrap(v);
            return new JournalPosition(b.getLong(), b.getLong(), b.getInt());
        } catch (RocksDBException e) {
            throw new IllegalStateException("payment index read failed in " + dir, e);
        }
    }

    /** Makes everything written so far durable (RocksDB's write-ahead log is off). Any thread. */
    public void flush() {
        open.readLock().lock();
        try (org.rocksdb.FlushOptions flush = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
            requireOpen();
            db.flush(flush);
        } catch (RocksDBException e) {
            throw new IllegalStateException("payment index flush failed in " + dir, e);
        } finally {
            open.readLock().unlock();
        }
    }

    public IndexedPayment get(String paymentId) {
        open.readLock().lock();
        try {
            requireOpen();
            byte[] v = db.get(key(paymentId));
            return v == null ? null : IndexedPayment.decode(v);
        } catch (RocksDBException e) {
            throw new IllegalStateException("payment index read failed in " + dir, e);
        } finally {
            open.readLock().unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the payment index " + dir + " is closed");
        }
    }

    /** Many at once (one multiGet); absent ids are missing from the map. */
    public Map<String, IndexedPayment> getAll(List<String> paymentIds) {
        List<byte[]> keys = new ArrayList<>(paymentIds.size());
        for (String id : paymentIds) {
            keys.add(key(id));
        }
        open.readLock().lock();
        try {
            requireOpen();
            List<byte[]> values = db.multiGetAsList(keys);
            Map<String, IndexedPayment> found = new java.util.HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    found.put(paymentIds.get(i), IndexedPayment.decode(values.get(i)));
                }
            }
            return found;
        } catch (RocksDBException e) {
            throw new IllegalStateException("payment index read failed in " + dir, e);
        } finally {
            open.readLock().unlock();
        }
    }

    /** Writes the entries and the position they bring the index to, atomically. */
    public void write(Iterable<IndexedPayment> entries, JournalPosition after) {
        open.readLock().lock();
        try (WriteBatch batch = new WriteBatch()) {
            requireOpen();
            for (IndexedPayment e : entries) {
                batch.put(key(e.result().id()), e.encode());
            }
            batch.put(META_KEY, ByteBuffer.allocate(20).putLong(after.records()).putLong(after.endOffset())
                    .putInt(after.crc()).array());
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("payment index write failed in " + dir, e);
        } finally {
            open.readLock().unlock();
        }
    }

    private static byte[] key(String paymentId) {
        byte[] id = paymentId.getBytes(StandardCharsets.UTF_8);
        byte[] k = new byte[id.length + 1];
        k[0] = 'p';
        System.arraycopy(id, 0, k, 1, id.length);
        return k;
    }

    /** Flushes the memtable (a clean stop leaves nothing to re-fold) and closes. */
    @Override
    public void close() {
        open.writeLock().lock();
        if (closed) {
            open.writeLock().unlock();
            return;
        }
        closed = true;
        try (org.rocksdb.FlushOptions flush = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
        } catch (RocksDBException e) {
            System.getLogger(PaymentIndex.class.getName()).log(System.Logger.Level.WARNING,
                    "payment index flush at close failed; the next start re-folds the journal tail", e);
        } finally {
            db.close();
            options.close();
            cache.close();
            writeOptions.close();
            open.writeLock().unlock();
        }
    }
}
