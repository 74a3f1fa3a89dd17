package dev.farthing.watchtower.store;

import dev.farthing.watchtower.blob.Hint;
import dev.farthing.watchtower.blob.JusticeBlob;
import dev.farthing.watchtower.blob.SealedBlob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Memory benchmark: stores N blobs (default 1,000,000) through the real store (group commit, fsync), then
 * reports the heap in use after a full GC, against a baseline taken before the store was opened, and the
 * cost of a lookup that misses (the flood case) and one that hits. Run in its own JVM with -Xmx1g by
 * {@code MillionBlobsMemoryTest}, so finishing at all proves 1M blobs fit in 1 GB of heap.
 */
public final class MillionBlobs {
    private static final dev.farthing.watchtower.store.ClientNamespace CLIENT = dev.farthing.watchtower.store.ClientNamespace.of("test");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        long baseline = heapUsedAfterGc();
        Hint[] sample = new Hint[1000];
        long t0 = System.nanoTime();
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir).withMaxPerClient(Integer.MAX_VALUE))) {
            fill(store, n, random, sample);
            report("after storing", store, baseline, t0);
        }
        t0 = System.nanoTime();
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir).withMaxPerClient(Integer.MAX_VALUE))) {
            report("after reopening (recovery scan)", store, baseline, t0);
            time(store, random, sample);
        }
        long bytes;
        try (var files = Files.list(dir.resolve("blobs"))) {
            bytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        System.out.printf("data files: %d bytes (%d per blob)%n", bytes, bytes / n);
        hashMapBaseline(n, random);
    }

    /** Baseline in the same run: the obvious design, a HashMap from hint to record index, for the same N. */
    private static void hashMapBaseline(int n, Random random) {
        long before = heapUsedAfterGc();
        java.util.Map<Hint, Integer> map = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(new Hint(random.nextLong(), random.nextLong()), i);
        }
        long used = heapUsedAfterGc() - before;
        int misses = 2_000_000;
        long found = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < misses; i++) {
            found += map.containsKey(new Hint(random.nextLong(), random.nextLong())) ? 1 : 0;
        }
        System.out.printf("baseline HashMap<Hint,Integer>: %d entries use %.1f MiB of heap; miss %d ns; found %d%n",
                map.size(), used / 1048576.0, (System.nanoTime() - t0) / misses, found);
    }

    private static void fill(BlobStore store, int n, Random random, Hint[] sample) throws Exception {
        List<CompletableFuture<StoreResult>> pending = new ArrayList<>(10_000);
        byte[] blob = new byte[JusticeBlob.SIZE];
        for (int i = 0; i < n; i++) {
            random.nextBytes(blob);
            blob[0] = JusticeBlob.VERSION;
            Hint hint = new Hint(random.nextLong(), random.nextLong());
            if (i % (n / sample.length) == 0 && i / (n / sample.length) < sample.length) {
                sample[i / (n / sample.length)] = hint;
            }
            pending.add(store.put(CLIENT, new SealedBlob(hint, blob)));
            if (pending.size() == 10_000) {
                for (CompletableFuture<StoreResult> f : pending) {
                    f.get();
                }
                pending.clear();
            }
        }
        for (CompletableFuture<StoreResult> f : pending) {
            f.get();
        }
    }

    private static void report(String when, BlobStore store, long baseline, long t0) {
        long used = heapUsedAfterGc() - baseline;
        System.out.printf("%s: %d blobs in %.1f s; heap used by the store %.1f MiB (index arrays %.1f MiB); max heap %d MiB%n",
                when, store.size(), (System.nanoTime() - t0) / 1e9, used / 1048576.0,
                store.indexMemoryBytes() / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void time(BlobStore store, Random random, Hint[] sample) {
        int misses = 2_000_000;
        long found = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < misses; i++) {
            found += store.candidates(new Hint(random.nextLong(), random.nextLong())).size();
        }
        long missNs = (System.nanoTime() - t0) / misses;
        int hits = 200_000;
        t0 = System.nanoTime();
        for (int i = 0; i < hits; i++) {
            found += store.candidates(sample[i % sample.length]).size();
        }
        long hitNs = (System.nanoTime() - t0) / hits;
        System.out.printf("lookup: miss %d ns, hit (one positional read from page cache) %d ns; found %d%n",
                missNs, hitNs, found);
    }

    private static long heapUsedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
    }
}
