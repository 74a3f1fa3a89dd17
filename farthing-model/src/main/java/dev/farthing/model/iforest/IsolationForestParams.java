package dev.farthing.model.iforest;

/** Isolation forest settings; the defaults are those of Liu, Ting and Zhou (2008): 100 trees of 256 rows. */
public record IsolationForestParams(int trees, int sampleSize, long seed) {

    public IsolationForestParams {
        if (trees < 1 || trees > 10_000) {
            throw new IllegalArgumentException("trees must be in 1..10000, got " + trees);
        }
        if (sampleSize < 2 || sampleSize > 1 << 20) {
            throw new IllegalArgumentException("sampleSize must be in 2..2^20, got " + sampleSize);
        }
    }

    public static IsolationForestParams defaults(long seed) {
        return new IsolationForestParams(100, 256, seed);
    }
}
