package dev.farthing.ledger.index;

import java.nio.charset.StandardCharsets;

/**
 * A fixed-size Bloom filter of transfer ids: {@code mightContain} false proves an id was never added, so the
 * prefetch stage skips the on-disk idempotency lookup for it. It never gives a false negative; as it fills, more
 * lookups go to disk (32 MiB, 6 probes: about 0.1 % false positives at 10 M ids, 2 % at 40 M), never a wrong answer.
 * Not thread-safe: one owner thread, plus {@link #or} to merge a filter built elsewhere.
 */
public final class IdFilter {
    private static final int LOG2_BITS = 28;
    private static final long MASK = (1L << LOG2_BITS) - 1;
    private static final int PROBES = 6;
    private final long[] words = new long[1 << (LOG2_BITS - 6)];

    public void add(String id) {
        long h = hash(id);
        long h2 = (h >>> 32) | 1;
        for (int i = 0; i < PROBES; i++) {
            long bit = (h + i * h2) & MASK;
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    public void addUtf8(byte[] bytes, int from, int length) {
        add(new String(bytes, from, length, StandardCharsets.UTF_8));
    }

    public boolean mightContain(String id) {
        long h = hash(id);
        long h2 = (h >>> 32) | 1;
        for (int i = 0; i < PROBES; i++) {
            long bit = (h + i * h2) & MASK;
            if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Adds every id {@code other} holds. */
    public void or(IdFilter other) {
        for (int i = 0; i < words.length; i++) {
            words[i] |= other.words[i];
        }
    }

    /** 64-bit FNV-1a over the chars, then a murmur finaliser: cheap and well spread for short ids. */
    private static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
