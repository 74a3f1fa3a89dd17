package dev.farthing.channel.protocol;

import java.util.Arrays;

/**
 * BOLT 3's compact store of received per-commitment secrets: 49 slots, one per count of trailing zero bits of
 * the index. Secrets must arrive in descending index order (state 0, 1, 2, ...). Each new secret is checked by
 * deriving every older slot it covers; a mismatch means the sender lied and the secret is refused. Any secret
 * received so far can then be re-derived ({@link #secretFor}) in O(48) hashes.
 */
public final class RevocationStore {
    private static final int SLOTS = 49;
    private final byte[][] secrets = new byte[SLOTS][];
    private final long[] indexes = new long[SLOTS];
    private long lowest = RevocationSecrets.MAX_INDEX + 1;

    /** Thrown when a secret does not derive the ones stored before it, or arrives out of order. */
    public static final class InvalidSecretException extends RuntimeException {
        InvalidSecretException(String detail) {
            super(detail, null, false, false);
        }
    }

    /** Stores the secret for {@code index} (BOLT 3 {@code insert_secret}). */
    public void insert(byte[] secret, long index) {
        byte[] s = Bytes.require32("secret", secret);
        if (index < 0 || index > RevocationSecrets.MAX_INDEX || index != lowest - 1) {
            throw new InvalidSecretException("secrets must arrive in order: expected index " + (lowest - 1));
        }
        int bucket = Long.numberOfTrailingZeros(index | (1L << 48));
        for (int b = 0; b < bucket; b++) {
            if (secrets[b] != null && !Arrays.equals(RevocationSecrets.derive(s, bucket, indexes[b]), secrets[b])) {
                throw new InvalidSecretException("secret for index " + index + " does not derive the one for index "
                        + indexes[b]);
            }
        }
        secrets[bucket] = s;
        indexes[bucket] = index;
        lowest = index;
    }

    /** Stores the secret revoking state {@code nonce}. */
    public void insertForState(byte[] secret, long nonce) {
        insert(secret, RevocationSecrets.indexOf(nonce));
    }

    /** The secret for {@code index}, or null when it has not been received (BOLT 3 {@code derive_old_secret}). */
    public byte[] secretFor(long index) {
        for (int b = 0; b < SLOTS; b++) {
            if (secrets[b] == null) {
                continue;
            }
            long mask = ~((1L << b) - 1);
            if ((index & mask) == indexes[b]) {
                return RevocationSecrets.derive(secrets[b], b, index);
            }
        }
        return null;
    }

    public byte[] secretForState(long nonce) {
        return secretFor(RevocationSecrets.indexOf(nonce));
    }

    /** Serialised form for durable storage: 49 × (present byte, index u64, secret 32). */
    public byte[] toBytes() {
        byte[] out = new byte[8 + SLOTS * 41];
        Bytes.putLong(out, 0, lowest);
        for (int b = 0; b < SLOTS; b++) {
            int at = 8 + b * 41;
            if (secrets[b] != null) {
                out[at] = 1;
                Bytes.putLong(out, at + 1, indexes[b]);
                System.arraycopy(secrets[b], 0, out, at + 9, 32);
            }
        }
        return out;
    }

    public static RevocationStore fromBytes(byte[] in) {
        if (in.length != 8 + SLOTS * 41) {
            throw new IllegalArgumentException("revocation store must be " + (8 + SLOTS * 41) + " bytes");
        }
        RevocationStore store = new RevocationStore();
        store.lowest = Bytes.getLong(in, 0);
        for (int b = 0; b < SLOTS; b++) {
            int at = 8 + b * 41;
            if (in[at] == 1) {
                store.indexes[b] = Bytes.getLong(in, at + 1);
                store.secrets[b] = Bytes.slice(in, at + 9, 32);
            }
        }
        return store;
    }
}
