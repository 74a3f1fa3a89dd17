package dev.farthing.watchtower.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store lives and its bounds: expected blobs (pre-sizes the index), the maximum it will hold,
 * how many blobs may share one hint, and how many uploads may wait for the writer.
 */
public record StoreOptions(Path dir, int expectedBlobs, int maxBlobs, int maxPerHint, int queueCapacity) {

    public StoreOptions {
        Objects.requireNonNull(dir, "dir");
        if (expectedBlobs < 0 || maxBlobs < 1 || maxPerHint < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("store bounds must be positive");
        }
    }

    /** 16 million blobs at most (about 3 GB on disk, 640 MiB of index), 8 per hint. */
    public static StoreOptions defaults(Path dir) {
        return new StoreOptions(dir, 1 << 16, 16_000_000, 8, 65_536);
    }

    public StoreOptions withExpectedBlobs(int n) {
        return new StoreOptions(dir, n, maxBlobs, maxPerHint, queueCapacity);
    }

    public StoreOptions withMaxBlobs(int n) {
        return new StoreOptions(dir, expectedBlobs, n, maxPerHint, queueCapacity);
    }
}
