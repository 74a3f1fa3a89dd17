package dev.farthing.watchtower.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store lives and its bounds: expected blobs (pre-sizes the index), the maximum it will hold,
 * how many blobs one client may file under one hint, how many uploads may wait for the writer, and how many
 * blobs one client may hold in all (its quota; a client over it is refused with {@code quota_exceeded}).
 */
public record StoreOptions(Path dir, int expectedBlobs, int maxBlobs, int maxPerHint, int queueCapacity,
                           int maxPerClient) {

    public StoreOptions {
        Objects.requireNonNull(dir, "dir");
        if (expectedBlobs < 0 || maxBlobs < 1 || maxPerHint < 1 || queueCapacity < 1 || maxPerClient < 1) {
            throw new IllegalArgumentException("store bounds must be positive");
        }
    }

    /** The defaults with no quota beyond the store's own bound. */
    public StoreOptions(Path dir, int expectedBlobs, int maxBlobs, int maxPerHint, int queueCapacity) {
        this(dir, expectedBlobs, maxBlobs, maxPerHint, queueCapacity, Integer.MAX_VALUE);
    }

    /** 16 million blobs at most (about 3 GB on disk, 640 MiB of index), 8 per hint, 1 million per client. */
    public static StoreOptions defaults(Path dir) {
        return new StoreOptions(dir, 1 << 16, 16_000_000, 8, 65_536, 1_000_000);
    }

    public StoreOptions withExpectedBlobs(int n) {
        return new StoreOptions(dir, n, maxBlobs, maxPerHint, queueCapacity, maxPerClient);
    }

    public StoreOptions withMaxBlobs(int n) {
        return new StoreOptions(dir, expectedBlobs, n, maxPerHint, queueCapacity, maxPerClient);
    }

    public StoreOptions withMaxPerClient(int n) {
        return new StoreOptions(dir, expectedBlobs, maxBlobs, maxPerHint, queueCapacity, n);
    }
}
