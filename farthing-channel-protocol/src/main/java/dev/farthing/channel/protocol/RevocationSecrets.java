package dev.farthing.channel.protocol;

/**
 * BOLT 3 per-commitment secrets: {@code generate_from_seed(seed, I)} flips bit B of the running value and
 * hashes it, for each set bit B of the 48-bit index from 47 down to 0. State {@code n} uses index
 * {@code 2^48 - 1 - n}, so successive states walk the index downwards and one later secret lets the receiver
 * derive all earlier ones ({@link RevocationStore}).
 */
public final class RevocationSecrets {
    public static final long MAX_INDEX = (1L << 48) - 1;

    private RevocationSecrets() {
    }

    public static byte[] generateFromSeed(byte[] seed, long index) {
        return derive(Bytes.require32("seed", seed), 48, index);
    }

    /** The secret revoking state {@code nonce}. */
    public static byte[] forState(byte[] seed, long nonce) {
        return generateFromSeed(seed, indexOf(nonce));
    }

    /** SHA-256(secret): the value a state carries in its revocation hash field. */
    public static byte[] hash(byte[] secret) {
        return Bytes.sha256(Bytes.require32("revocation secret", secret));
    }

    public static long indexOf(long nonce) {
        if (nonce < 0 || nonce > MAX_INDEX) {
            throw new IllegalArgumentException("state nonce must be 0.." + MAX_INDEX);
        }
        return MAX_INDEX - nonce;
    }

    /** Applies the flips-and-hashes for the low {@code bits} bits of {@code index} to {@code base}. */
    static byte[] derive(byte[] base, int bits, long index) {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("index must be 0.." + MAX_INDEX);
        }
        byte[] p = base.clone();
        for (int b = bits - 1; b >= 0; b--) {
            if (((index >>> b) & 1) != 0) {
                p[b / 8] ^= (byte) (1 << (b % 8));
                p = Bytes.sha256(p);
            }
        }
        return p;
    }
}
