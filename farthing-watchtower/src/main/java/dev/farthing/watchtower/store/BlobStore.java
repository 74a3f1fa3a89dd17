package dev.farthing.watchtower.store;

import dev.farthing.watchtower.blob.Hint;
import dev.farthing.watchtower.blob.SealedBlob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The tower's durable blob store: {@link RecordFile} on disk plus a {@link HintIndex} in memory. Uploads go
 * through one writer thread that appends a batch, fsyncs once (group commit) and only then completes the
 * batch's futures, so an acknowledged blob survives any crash. Each client uploads into its own
 * {@link ClientNamespace}: blobs are filed under a key derived from the namespace and the hint, so one client
 * can neither see nor crowd another's, and each client holds at most {@link StoreOptions#maxPerClient()}.
 * Several blobs of one client may share a hint (a decoy from a stolen token, say); they are chained newest
 * first and the follower tries each, up to {@link StoreOptions#maxPerHint()}, in every namespace.
 */
public final class BlobStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);
    private static final String DATA_FILE = "blobs.dat";
    private static final int MAX_BATCH = 1024;
    private final StoreOptions options;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final RecordFile file;
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

    private BlobStore(StoreOptions options, FileChannel lockChannel, FileLock lock) {
        this.options = options;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.index = new HintIndex(options.expectedBlobs());
        this.file = RecordFile.open(options.dir().resolve(DATA_FILE), (r, i) -> {
            index.put(r.sealed().hint(), i);
            counter(r.namespace()).incrementAndGet();
        });
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.writer = Thread.ofPlatform().name("tower-store-writer").daemon().start(this::writeLoop);
        if (file.tornBytes() > 0) {
            LOG.warn("Blob store {}: truncated a torn tail of {} bytes (never acknowledged)", options.dir(), file.tornBytes());
        }
        LOG.info("Blob store {} open: {} blobs under {} hints", options.dir(), file.count(), index.size());
    }

    /** Opens the store in {@code options.dir()}, creating it if needed; one process at a time. */
    public static BlobStore open(StoreOptions options) {
        try {
            Files.createDirectories(options.dir());
            FileChannel lockChannel = FileChannel.open(options.dir().resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel);
            if (lock == null) {
                lockChannel.close();
                throw new StoreException(StoreException.STORE_FAILED, options.dir() + " is in use by another tower", null);
            }
            try {
                return new BlobStore(options, lockChannel, lock);
            } catch (RuntimeException e) {
                lockChannel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open blob store " + options.dir(), e);
        }
    }

    /** Null when another process, or another store in this JVM, holds the directory. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
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
            BlobRecord r = file.read(i);
            lookupReads.increment();
            into.add(new SealedBlob(hint, r.sealed().blob()));
            i = r.previous();
        }
        return into;
    }

    /** Blobs stored (durable or being made durable). */
    public int size() {
        return file.count();
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

    /** Appends the batch, fsyncs once, then acknowledges; an I/O failure fails the batch and the store. */
    private void commit(List<PendingPut> batch) {
        List<StoreResult> results = new ArrayList<>(batch.size());
        try {
            for (PendingPut p : batch) {
                results.add(append(p.client(), p.keyed()));
            }
            file.force();
        } catch (IOException | RuntimeException e) {
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
    private StoreResult append(ClientNamespace client, SealedBlob sealed) throws IOException {
        int head = index.get(sealed.hint());
        int chain = 0;
        for (int i = head; i >= 0; chain++) {
            BlobRecord r = file.read(i);
            if (r.sealed().equals(sealed)) {
                return StoreResult.DUPLICATE;
            }
            i = r.previous();
        }
        if (chain >= options.maxPerHint() || size(client) >= options.maxPerClient() || file.count() >= options.maxBlobs()) {
            return null;
        }
        int at = file.append(new BlobRecord(sealed, client.id(), head));
        index.put(sealed.hint(), at);
        counter(client.id()).incrementAndGet();
        return StoreResult.STORED;
    }

    private StoreException refusal(PendingPut p) {
        if (file.count() >= options.maxBlobs()) {
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
            file.close();
            lock.release();
            lockChannel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException("closing blob store " + options.dir(), e);
        }
    }
}
