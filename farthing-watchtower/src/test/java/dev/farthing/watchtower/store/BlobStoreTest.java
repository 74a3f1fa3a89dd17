package dev.farthing.watchtower.store;

import dev.farthing.watchtower.blob.Hint;
import dev.farthing.watchtower.blob.JusticeBlob;
import dev.farthing.watchtower.blob.SealedBlob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlobStoreTest {
    private static final dev.farthing.watchtower.store.ClientNamespace CLIENT = dev.farthing.watchtower.store.ClientNamespace.of("test");
    private static final long SEED = Long.getLong("farthing.seed", System.nanoTime());
    private final Random random = new Random(SEED);
    @TempDir
    Path dir;

    BlobStoreTest() {
        System.out.println("seed=" + SEED);
    }

    @Test
    void storesAndFindsBlobsAcrossRestart() throws Exception {
        List<SealedBlob> blobs = randomBlobs(500);
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir))) {
            putAll(store, blobs);
            assertThat(store.candidates(blobs.get(7).hint())).containsExactly(blobs.get(7));
        }
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir))) {
            assertThat(store.size()).isEqualTo(500);
            for (SealedBlob b : blobs) {
                assertThat(store.candidates(b.hint())).containsExactly(b);
            }
            assertThat(store.candidates(randomHint())).isEmpty();
        }
    }

    @Test
    void repeatsAreIdempotentAndHintsChainNewestFirstUpToTheLimit() throws Exception {
        Hint hint = randomHint();
        StoreOptions options = new StoreOptions(dir, 16, 1000, 3, 16);
        try (BlobStore store = BlobStore.open(options)) {
            SealedBlob first = blob(hint);
            SealedBlob second = blob(hint);
            assertThat(store.put(CLIENT, first).get()).isEqualTo(StoreResult.STORED);
            assertThat(store.put(CLIENT, first).get()).isEqualTo(StoreResult.DUPLICATE);
            assertThat(store.put(CLIENT, second).get()).isEqualTo(StoreResult.STORED);
            SealedBlob third = blob(hint);
            store.put(CLIENT, third).get();
            assertThat(store.candidates(hint)).containsExactly(third, second, first);
            assertThat(store.size()).isEqualTo(3);
            assertThatThrownBy(() -> store.put(CLIENT, blob(hint)).get()).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StoreException.class).extracting(e -> ((StoreException) e).code())
                    .isEqualTo(StoreException.HINT_FULL);
        }
    }

    @Test
    void refusesBeyondMaxBlobs() throws Exception {
        try (BlobStore store = BlobStore.open(new StoreOptions(dir, 16, 2, 8, 16))) {
            putAll(store, randomBlobs(2));
            assertThatThrownBy(() -> store.put(CLIENT, blob(randomHint())).get()).cause()
                    .extracting(e -> ((StoreException) e).code()).isEqualTo(StoreException.STORE_FULL);
        }
    }

    @Test
    void tornTailIsTruncatedAndEverythingBeforeItKept() throws Exception {
        List<SealedBlob> blobs = randomBlobs(20);
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir))) {
            putAll(store, blobs);
        }
        Path data = dir.resolve("blobs.dat");
        long full = Files.size(data);
        // A crash mid-batch: the last record half written, the one before it garbage (never fsynced).
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
            f.setLength(full - BlobRecord.SIZE / 2);
            f.seek(full - BlobRecord.SIZE - BlobRecord.SIZE / 2 - 10);
            f.write(new byte[] {1, 2, 3});
        }
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir))) {
            assertThat(store.size()).isEqualTo(18);
            assertThat(store.candidates(blobs.get(17).hint())).containsExactly(blobs.get(17));
            assertThat(store.candidates(blobs.get(18).hint())).isEmpty();
            SealedBlob again = blobs.get(19);
            assertThat(store.put(CLIENT, again).get()).isEqualTo(StoreResult.STORED);
        }
        assertThat(Files.size(data)).isEqualTo(RecordFile.HEADER_SIZE + 19L * BlobRecord.SIZE);
    }

    @Test
    void corruptionBeforeGoodRecordsIsRefused() throws Exception {
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir))) {
            putAll(store, randomBlobs(10));
        }
        int victim = random.nextInt(9);
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("blobs.dat").toFile(), "rw")) {
            long at = RecordFile.HEADER_SIZE + (long) victim * BlobRecord.SIZE + random.nextInt(BlobRecord.SIZE);
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x40);
        }
        assertThatThrownBy(() -> BlobStore.open(StoreOptions.defaults(dir))).isInstanceOf(StoreException.class)
                .hasMessageContaining("record " + victim).extracting(e -> ((StoreException) e).code())
                .isEqualTo(StoreException.STORE_CORRUPTED);
    }

    @Test
    void foreignFileIsRefusedAndASecondOpenerIsLockedOut() throws Exception {
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir))) {
            assertThatThrownBy(() -> BlobStore.open(StoreOptions.defaults(dir))).hasMessageContaining("in use");
        }
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.write(other.resolve("blobs.dat"), "not a blob file at all".getBytes());
        assertThatThrownBy(() -> BlobStore.open(StoreOptions.defaults(other))).hasMessageContaining("bad header");
    }

    @Test
    void hundredThousandBlobsLoadAndLookUpQuickly() throws Exception {
        int n = 100_000;
        List<SealedBlob> blobs = randomBlobs(n);
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir))) {
            putAll(store, blobs);
        }
        long t0 = System.nanoTime();
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir))) {
            long opened = System.nanoTime() - t0;
            assertThat(store.size()).isEqualTo(n);
            for (int i = 0; i < 100_000; i++) {
                assertThat(store.candidates(randomHint())).isEmpty();
            }
            for (int i = 0; i < 1000; i++) {
                SealedBlob b = blobs.get(random.nextInt(n));
                assertThat(store.candidates(b.hint())).containsExactly(b);
            }
            assertThat(opened).as("recovery of 100k records").isLessThan(10_000_000_000L);
            assertThat(store.indexMemoryBytes()).isLessThan(8L << 20);
        }
    }

    private void putAll(BlobStore store, List<SealedBlob> blobs) throws Exception {
        List<CompletableFuture<StoreResult>> done = new ArrayList<>();
        for (SealedBlob b : blobs) {
            done.add(store.put(CLIENT, b));
        }
        for (CompletableFuture<StoreResult> f : done) {
            assertThat(f.get()).isEqualTo(StoreResult.STORED);
        }
    }

    private List<SealedBlob> randomBlobs(int n) {
        List<SealedBlob> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(blob(randomHint()));
        }
        return out;
    }

    private SealedBlob blob(Hint hint) {
        byte[] b = new byte[JusticeBlob.SIZE];
        random.nextBytes(b);
        return new SealedBlob(hint, b);
    }

    private Hint randomHint() {
        return new Hint(random.nextLong(), random.nextLong());
    }
}
