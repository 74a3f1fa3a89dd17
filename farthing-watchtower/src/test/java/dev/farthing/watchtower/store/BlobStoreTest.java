package dev.farthing.watchtower.store;

import dev.farthing.watchtower.blob.Hint;
import dev.farthing.watchtower.blob.JusticeBlob;
import dev.farthing.watchtower.blob.SealedBlob;
import dev.farthing.recordlog.RecordFormat;
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
        Path data = lastSegment(dir);
        long full = Files.size(data);
        // A crash mid-write: the last record half written (never fsynced, so never acknowledged).
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
            f.setLength(full - FRAME / 2);
        }
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir))) {
            assertThat(store.size()).isEqualTo(19);
            assertThat(store.candidates(blobs.get(18).hint())).containsExactly(blobs.get(18));
            assertThat(store.candidates(blobs.get(19).hint())).isEmpty();
            SealedBlob again = blobs.get(19);
            assertThat(store.put(CLIENT, again).get()).isEqualTo(StoreResult.STORED);
            assertThat(store.candidates(again.hint())).containsExactly(again);
        }
        assertThat(Files.size(data)).isEqualTo(full);
    }

    @Test
    void corruptionBeforeGoodRecordsIsRefused() throws Exception {
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir))) {
            putAll(store, randomBlobs(10));
        }
        int victim = random.nextInt(9);
        try (RandomAccessFile f = new RandomAccessFile(lastSegment(dir).toFile(), "rw")) {
            long frame = RecordFormat.SEGMENT_HEADER_BYTES + (long) victim * FRAME;
            long at = frame + random.nextInt((int) FRAME);
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x40);
            long offset = frame;
            assertThatThrownBy(() -> BlobStore.open(StoreOptions.defaults(dir))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("at offset " + offset).extracting(e -> ((StoreException) e).code())
                    .isEqualTo(StoreException.STORE_CORRUPTED);
        }
    }

    @Test
    void aBlobFileOfTheFormatBeforeTheRecordLogIsMigrated() throws Exception {
        List<SealedBlob> blobs = randomBlobs(30);
        // The old RecordFile: "FTWBLOBS" ‖ record size ‖ version 2, then fixed-size records, each chained to the
        // previous record under the same key; the last one torn, as a crash leaves it.
        java.io.ByteArrayOutputStream old = new java.io.ByteArrayOutputStream();
        old.write(java.nio.ByteBuffer.allocate(16).put("FTWBLOBS".getBytes()).putInt(BlobRecord.SIZE).putInt(2).array());
        java.util.Map<dev.farthing.watchtower.blob.Hint, Integer> heads = new java.util.HashMap<>();
        for (int i = 0; i < blobs.size(); i++) {
            SealedBlob keyed = new SealedBlob(CLIENT.key(blobs.get(i).hint()), blobs.get(i).blob());
            int previous = heads.getOrDefault(keyed.hint(), -1);
            old.write(new BlobRecord(keyed, CLIENT.id(), previous).encode());
            heads.put(keyed.hint(), i);
        }
        byte[] raw = old.toByteArray();
        Files.write(dir.resolve("blobs.dat"), java.util.Arrays.copyOf(raw, raw.length - BlobRecord.SIZE / 2));
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir))) {
            assertThat(store.size()).isEqualTo(29);
            for (int i = 0; i < 29; i++) {
                assertThat(store.candidates(CLIENT, blobs.get(i).hint())).containsExactly(blobs.get(i));
            }
            assertThat(store.put(CLIENT, blobs.get(29)).get()).isEqualTo(StoreResult.STORED);
        }
        assertThat(dir.resolve("blobs.dat")).doesNotExist();
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir))) {
            assertThat(store.size()).isEqualTo(30);
            assertThat(store.size(CLIENT)).isEqualTo(30);
        }
    }

    private static final long FRAME = RecordFormat.frameBytes(BlobRecord.SIZE);

    private static Path lastSegment(Path storeDir) throws java.io.IOException {
        try (var files = Files.list(storeDir.resolve("blobs"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("segment-")).sorted().toList().getLast();
        }
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
