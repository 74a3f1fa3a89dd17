package dev.farthing.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SLIP-0010 hierarchical derivation for Ed25519. Ed25519 supports hardened children only: each child is
 * {@code HMAC-SHA512(chainCode, 0x00 || key || ser32(index | 2^31))}, split into key (left 32 bytes) and chain
 * code (right 32). Without the parent's chain code and key the HMAC cannot be recomputed or inverted, so a
 * leaked node exposes its own subtree only, never its parent or siblings.
 */
public final class Slip10 {
    public static final int HARDENED = 0x8000_0000;
    private static final byte[] CURVE_KEY = "ed25519 seed".getBytes(StandardCharsets.US_ASCII);

    private Slip10() {
    }

    /** A derived node: the 32-byte Ed25519 private seed and its 32-byte chain code. */
    public record Node(byte[] key, byte[] chainCode) {
        public Node {
            if (key.length != 32 || chainCode.length != 32) {
                throw new IllegalArgumentException("SLIP-0010 node needs a 32-byte key and chain code");
            }
            key = key.clone();
            chainCode = chainCode.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public byte[] chainCode() {
            return chainCode.clone();
        }

        /** The hardened child {@code index'}; {@code index} is given without the hardened bit. */
        public Node child(int index) {
            if (index < 0) {
                throw new IllegalArgumentException("child index must be in [0, 2^31): " + index);
            }
            byte[] data = new byte[37];
            System.arraycopy(key, 0, data, 1, 32);
            int hardened = index | HARDENED;
            data[33] = (byte) (hardened >>> 24);
            data[34] = (byte) (hardened >>> 16);
            data[35] = (byte) (hardened >>> 8);
            data[36] = (byte) hardened;
            Node child = split(hmacSha512(chainCode, data));
            Arrays.fill(data, (byte) 0);
            return child;
        }

        /** Derives a relative path of hardened indexes. */
        public Node derive(int... indexes) {
            Node node = this;
            for (int index : indexes) {
                node = node.child(index);
            }
            return node;
        }

        public SoftwareSigner signer() {
            return Ed25519.fromSeed(key);
        }

        @Override
        public String toString() {
            return "Slip10.Node[redacted]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Node n && Arrays.equals(key, n.key) && Arrays.equals(chainCode, n.chainCode);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(chainCode);
        }
    }

    /** The master node of a BIP-39 (or any 16–64 byte) seed. */
    public static Node master(byte[] seed) {
        if (seed.length < 16 || seed.length > 64) {
            throw new IllegalArgumentException("seed must be 16..64 bytes, got " + seed.length);
        }
        return split(hmacSha512(CURVE_KEY, seed));
    }

    /** Parses {@code m/0'/1'/...}; every component must be hardened (marked ' or H). */
    public static int[] parsePath(String path) {
        String[] parts = path.trim().split("/");
        if (parts.length == 0 || !parts[0].equals("m")) {
            throw new IllegalArgumentException("path must start with m: " + path);
        }
        int[] indexes = new int[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (!p.endsWith("'") && !p.endsWith("H") && !p.endsWith("h")) {
                throw new IllegalArgumentException("Ed25519 supports hardened derivation only: " + p);
            }
            indexes[i - 1] = Integer.parseInt(p.substring(0, p.length() - 1));
        }
        return indexes;
    }

    private static Node split(byte[] i64) {
        Node node = new Node(Arrays.copyOfRange(i64, 0, 32), Arrays.copyOfRange(i64, 32, 64));
        Arrays.fill(i64, (byte) 0);
        return node;
    }

    static byte[] hmacSha512(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key, "HmacSHA512"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 unavailable", e);
        }
    }
}
