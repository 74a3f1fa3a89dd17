package dev.farthing.watchtower.store;

import dev.farthing.watchtower.blob.Hint;
import dev.farthing.watchtower.blob.SealedBlob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.farthing.recordlog.DirectoryLock;
import dev.farthing.recordlog.RecordFormat;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogCorruptException;
import dev.farthing.recordlog.RecordLogOptions;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The tower's durable blob store: a {@link RecordLog} ({@code blobs/}, one fixed-size {@link BlobRecord} per
 * frame) on disk plus a {@link HintIndex} in memory. Uploads go through one writer thread that decides a
 * batch, appends it (group commit: the log's fsync covers it) and only then files it in the index and completes
 * the batch's futures, so an acknowledged blob survives any crash and lookups see only durable blobs. Each client uploads into its own
 * {@link ClientNamespace}: blobs are filed under a key derived from the namespace and the hint, so one client
 * can neither see nor crowd another's, and each client holds at most {@link StoreOptions#maxPerClient()}.
 * Several blobs of one client may share a hint (a decoy from a stolen token, say); they are chained newest
 * first and the follower tries each, up to {@link StoreOptions#maxPerHint()}, in every namespace.
 */
public final class BlobStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);
    private static final String LOG_DIR = "blobs";
    /** The record type of a blob frame. */
    static final int BLOB = 1;
    private static final int MAX_BATCH = 1024;
    /** Frames are all one size, so a segment's records are found from its first record's position. */
    private static final long FRAME_BYTES = RecordFormat.frameBytes(BlobRecord.SIZE);
    private final StoreOptions options;
    private final DirectoryLock lock;
    private final RecordLog log;
    /** Record number of each segment's first record, to its position. */
    private final ConcurrentSkipListMap<Integer, Long> segmentStarts = new ConcurrentSkipListMap<>();
    private volatile int count;
    private final HintIndex index;
    private final BlockingQueue<PendingPut> queue;
    private final Thread writer;
    private final java.util.concurrent.atomic.LongAdder lookupReads = new java.util.concurrent.atomic.LongAdder();
    private volatile boolean closing;
    private volatile Throwable failure;

    /** Blobs held per client namespace id; also the set of namespaces the follower looks in. */
    private final ConcurrentHashMap<Long, AtomicInteger> perClient = new ConcurrentHashMap<>();

    /** {@code keyed.hint()} is already the namespaced key. */
    private record PendingPut(ClientNamespace client, SealedBlob keyed, CompletableFuture<StoreResult> done) {
    }

    private BlobStore(StoreOptions options, DirectoryLock lock) {
        this.options = options;
        this.lock = lock;
        this.index = new HintIndex(options.expectedBlobs());
        RecordLogOptions logOptions = RecordLogOptions.DEFAULTS.withSegmentBytes(64L << 20);
        BlobStoreMigration.migrate(options.dir(), LOG_DIR, logOptions);
        this.log = openLog(options.dir().resolve(LOG_DIR), logOptions);
        try {
            log.replay(log.startPosition(), r -> {
                int i = count;
                BlobRecord b = r.type() == BLOB && r.payload().length == BlobRecord.SIZE
                        ? BlobRecord.decode(ByteBuffer.wrap(r.payload()), i) : null;
                if (b == null) {
                    throw new StoreException(StoreException.STORE_CORRUPTED, log.directory() + ": record " + i
                            + " at position " + r.position() + " is not a valid blob record; refusing to open", null);
                }
                located(i, r.position());
                index.put(b.sealed().hint(), i);
                counter(b.namespace()).incrementAndGet();
                count = i + 1;
            });
        } catch (RecordLogCorruptException e) {
            log.close();
            throw new StoreException(StoreException.STORE_CORRUPTED, e.getMessage(), e);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.writer = Thread.ofPlatform().name("tower-store-writer").daemon().start(this::writeLoop);
        LOG.info("Blob store {} open: {} blobs under {} hints", options.dir(), count, index.size());
    }

    private static RecordLog openLog(Path dir, RecordLogOptions options) {
        try {
            return RecordLog.open(dir, options);
        } catch (RecordLogCorruptException e) {
            throw new StoreException(StoreException.STORE_CORRUPTED, e.getMessage(), e);
        }
    }

    /** Notes where record {@code i} is when it starts a new segment (or is the first). */
    private void located(int i, long position) {
        if (i == 0 || positionOf(i) != position) {
            segmentStarts.put(i, position);
        }
    }

    private long positionOf(int i) {
        Map.Entry<Integer, Long> start = segmentStarts.floorEntry(i);
        return start == null ? -1 : start.getValue() + (i - start.getKey()) * FRAME_BYTES;
    }

    private BlobRecord read(int i) {
        try {
            BlobRecord r = BlobRecord.decode(ByteBuffer.wrap(log.read(positionOf(i)).payload()), i);
            if (r == null) {
                throw new StoreException(StoreException.STORE_CORRUPTED, log.directory() + ": record " + i
                        + " went bad on disk after it was stored", null);
            }
            return r;
        } catch (RecordLogCorruptException e) {
            throw new StoreException(StoreException.STORE_CORRUPTED, e.getMessage(), e);
        }
    }

    /** Opens the store in {@code options.dir()}, creating it if needed; one process at a time. */
    public static BlobStore open(StoreOptions options) {
        DirectoryLock lock;
        try {
            lock = DirectoryLock.acquire(options.dir(), "lock", "tower store");
        } catch (DirectoryLock.InUseException e) {
            throw new StoreException(StoreException.STORE_FAILED, e.getMessage(), null);
        }
        try {
            return new BlobStore(options, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Queues a blob; the future completes once it is durable (or is an exact repeat). Fails with
     * {@link StoreException}: {@code hint_full}, {@code quota_exceeded}, {@code store_full}, {@code store_failed},
     * {@code store_closed}.
     * A full queue blocks the caller briefly, then is refused as {@code store_full} rather than buffered.
     */
    public CompletableFuture<StoreResult> put(ClientNamespace client, SealedBlob sealed) {
        CompletableFuture<StoreResult> done = new CompletableFuture<>();
        if (closing) {
            return CompletableFuture.failedFuture(new StoreException(StoreException.STORE_CLOSED, "store is closed", null));
        }
        Throwable failed = failure;
        if (failed != null) {
            return CompletableFuture.failedFuture(new StoreException(StoreException.STORE_FAILED, "store failed: " + failed, failed));
        }
        try {
            if (!queue.offer(new PendingPut(client, new SealedBlob(client.key(sealed.hint()), sealed.blob()), done), 1,
                    TimeUnit.SECONDS)) {
                return CompletableFuture.failedFuture(new StoreException(StoreException.STORE_FULL, "upload queue is full", null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        return done;
    }

    /**
     * Every blob any client filed under {@code hint}, each namespace's newest first (at most {@code maxPerHint}
     * per namespace); empty when none. One hash per client namespace, no disk read unless the key matches.
     */
    public List<SealedBlob> candidates(Hint hint) {
        List<SealedBlob> found = new ArrayList<>(1);
        for (Long namespace : perClient.keySet()) {
            chain(ClientNamespace.keyOf(namespace, hint), hint, found);
        }
        return found;
    }

    /** The blobs {@code client} filed under {@code hint} (its own namespace only), newest first. */
    public List<SealedBlob> candidates(ClientNamespace client, Hint hint) {
        return chain(client.key(hint), hint, new ArrayList<>(1));
    }

    /** The chain filed under {@code key}, each blob handed back under the client's {@code hint}. */
    private List<SealedBlob> chain(Hint key, Hint hint, List<SealedBlob> into) {
        int taken = 0;
        for (int i = index.get(key); i >= 0 && taken < options.maxPerHint(); taken++) {
            BlobRecord r = read(i);
            lookupReads.increment();
            into.add(new SealedBlob(hint, r.sealed().blob()));
            i = r.previous();
        }
        return into;
    }

    /** Blobs stored (durable or being made durable). */
    public int size() {
        return count;
    }

    /** Blobs {@code client} holds (counts against its quota). */
    public int size(ClientNamespace client) {
        AtomicInteger n = perClient.get(client.id());
        return n == null ? 0 : n.get();
    }

    public StoreOptions options() {
        return options;
    }

    private AtomicInteger counter(long namespace) {
        return perClient.computeIfAbsent(namespace, k -> new AtomicInteger());
    }

    /** Records read from disk by {@link #candidates}: a hint that matches nothing costs none. */
    public long lookupReads() {
        return lookupReads.sum();
    }

    /** Bytes of memory the in-memory index holds. */
    public long indexMemoryBytes() {
        return index.memoryBytes();
    }

    private void writeLoop() {
        List<PendingPut> batch = new ArrayList<>(MAX_BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                PendingPut first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** The records this batch adds, visible to its own duplicate and quota checks before they are durable. */
    private final class Batch {
        final Map<Integer, BlobRecord> records = new HashMap<>();
        final Map<Hint, Integer> heads = new HashMap<>();
        final Map<Long, Integer> perClient = new HashMap<>();
        final List<BlobRecord> added = new ArrayList<>();

        BlobRecord read(int i) {
            BlobRecord r = records.get(i);
            return r != null ? r : BlobStore.this.read(i);
        }

        int head(Hint key) {
            Integer h = heads.get(key);
            return h != null ? h : index.get(key);
        }

        int size(ClientNamespace client) {
            return BlobStore.this.size(client) + perClient.getOrDefault(client.id(), 0);
        }

        int count() {
            return count + added.size();
        }
    }

    /** Decides the batch, appends it, waits for its fsync, then files and acknowledges it. */
    private void commit(List<PendingPut> batch) {
        List<StoreResult> results = new ArrayList<>(batch.size());
        Batch b = new Batch();
        try {
            for (PendingPut p : batch) {
                results.add(decide(b, p.client(), p.keyed()));
            }
            List<CompletableFuture<Long>> positions = new ArrayList<>(b.added.size());
            for (BlobRecord r : b.added) {
                positions.add(log.append(BLOB, r.encode()));
            }
            for (int k = 0; k < positions.size(); k++) {
                BlobRecord r = b.added.get(k);
                int i = count;
                located(i, positions.get(k).join());
                index.put(r.sealed().hint(), i);
                counter(r.namespace()).incrementAndGet();
                count = i + 1;
            }
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("Blob store {} failed; refusing further uploads", options.dir(), e);
            StoreException err = new StoreException(StoreException.STORE_FAILED, "store failed: " + e, e);
            batch.forEach(p -> p.done().completeExceptionally(err));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            StoreResult r = results.get(i);
            if (r == null) {
                batch.get(i).done().completeExceptionally(refusal(batch.get(i)));
            } else {
                batch.get(i).done().complete(r);
            }
        }
    }

    /** Returns null when the blob is refused (its hint chain, the client's quota or the store is full). */
    private StoreResult decide(Batch b, ClientNamespace client, SealedBlob sealed) {
        int head = b.head(sealed.hint());
        int chain = 0;
        for (int i = head; i >= 0; chain++) {
            BlobRecord r = b.read(i);
            if (r.sealed().equals(sealed)) {
                return StoreResult.DUPLICATE;
            }
            i = r.previous();
        }
        if (chain >= options.maxPerHint() || b.size(client) >= options.maxPerClient() || b.count() >= options.maxBlobs()) {
            return null;
        }
        int at = b.count();
        BlobRecord record = new BlobRecord(sealed, client.id(), head);
        b.records.put(at, record);
        b.heads.put(sealed.hint(), at);
        b.perClient.merge(client.id(), 1, Integer::sum);
        b.added.add(record);
        return StoreResult.STORED;
    }

    private StoreException refusal(PendingPut p) {
        if (count >= options.maxBlobs()) {
            return new StoreException(StoreException.STORE_FULL, "store holds its maximum of " + options.maxBlobs() + " blobs", null);
        }
        if (size(p.client()) >= options.maxPerClient()) {
            return new StoreException(StoreException.QUOTA_EXCEEDED, "client " + p.client().name() + " holds its quota of "
                    + options.maxPerClient() + " blobs", null);
        }
        return new StoreException(StoreException.HINT_FULL, "this client already has " + options.maxPerHint()
                + " blobs under that hint", null);
    }

    /** Drains queued uploads, then closes the file. Idempotent. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            writer.join();
            // An upload that raced with close is refused, never left hanging.
            StoreException closed = new StoreException(StoreException.STORE_CLOSED, "store is closed", null);
            for (PendingPut p; (p = queue.poll()) != null; ) {
                p.done().completeExceptionally(closed);
            }
            log.close();
            lock.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
