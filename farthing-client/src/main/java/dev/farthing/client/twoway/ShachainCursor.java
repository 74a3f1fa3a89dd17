package dev.farthing.client.twoway;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * BOLT 3 {@code generate_from_seed}, computed incrementally. The algorithm walks index bits 47..0, flipping and
 * hashing; everything done for bits 47..8 depends only on {@code index >>> 8}, so that intermediate value is
 * cached and consecutive states cost at most 8 SHA-256 instead of up to 48. Same output as
 * {@code RevocationSecrets.generateFromSeed} (a test checks it).
 */
final class ShachainCursor {
    private static final int LOW_BITS = 8;

    private final byte[] seed;
    private final MessageDigest sha256;
    private long cachedHigh = -1;
    private byte[] cachedNode;

    ShachainCursor(byte[] seed32) {
        if (seed32.length != 32) {
            throw new IllegalArgumentException("seed must be 32 bytes");
        }
        this.seed = seed32.clone();
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret at shachain {@code index} (0..2^48-1). */
    byte[] secret(long index) {
        long high = index >>> LOW_BITS;
        if (high != cachedHigh) {
            cachedNode = walk(seed, index, 47, LOW_BITS);
            cachedHigh = high;
        }
        return walk(cachedNode, index, LOW_BITS - 1, 0);
    }

    private byte[] walk(byte[] start, long index, int fromBit, int toBit) {
        byte[] p = start.clone();
        for (int b = fromBit; b >= toBit; b--) {
            if (((index >>> b) & 1) != 0) {
                p[b / 8] ^= (byte) (1 << (b % 8));
                p = sha256.digest(p);
            }
        }
        return p;
    }
}
