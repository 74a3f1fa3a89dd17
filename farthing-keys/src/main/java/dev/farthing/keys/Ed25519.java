package dev.farthing.keys;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Pure Ed25519 (RFC 8032) over BouncyCastle, with strict verification. Beyond RFC 8032's own checks a
 * signature is refused when S is not fully reduced (S >= L, the classic malleation), when R or the public key
 * is a non-canonical encoding (y >= p), or when either is a point of small order (the 8-torsion points, which
 * let one "signature" verify for many messages or keys). Rules follow libsodium's strict mode.
 */
public final class Ed25519 {
    public static final int SEED_BYTES = 32;
    public static final int PUBLIC_KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    /** Group order L, little-endian, as in the signature encoding of S. */
    private static final byte[] ORDER_L = Hex.decode(
            "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

    /** Encodings of the small-order points (sign bit masked), from libsodium's blocklist. */
    private static final byte[][] SMALL_ORDER = {
        Hex.decode("0000000000000000000000000000000000000000000000000000000000000000"),
        Hex.decode("0100000000000000000000000000000000000000000000000000000000000000"),
        Hex.decode("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
        Hex.decode("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
        Hex.decode("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        Hex.decode("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        Hex.decode("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
    };

    static {
        org.bouncycastle.math.ec.rfc8032.Ed25519.precompute();
    }

    private Ed25519() {
    }

    /** A fresh key from {@code random}. */
    public static SoftwareSigner generate(SecureRandom random) {
        byte[] seed = new byte[SEED_BYTES];
        random.nextBytes(seed);
        SoftwareSigner signer = new SoftwareSigner(seed);
        java.util.Arrays.fill(seed, (byte) 0);
        return signer;
    }

    /** The key whose RFC 8032 private seed is {@code seed32}. */
    public static SoftwareSigner fromSeed(byte[] seed32) {
        return new SoftwareSigner(Objects.requireNonNull(seed32, "seed"));
    }

    /**
     * Strict verification; never throws for malformed input (wrong lengths, bad encodings), it returns false.
     */
    public static boolean verify(byte[] publicKey32, byte[] message, byte[] signature64) {
        if (!wellFormed(publicKey32, message, signature64)) {
            return false;
        }
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
                signature64, 0, publicKey32, 0, message, 0, message.length);
    }

    /** A verifier with the public key decoded once; use it to check many signatures from one key. */
    public static Ed25519Verifier verifier(byte[] publicKey32) {
        return Ed25519Verifier.of(publicKey32);
    }

    /** The shape checks of {@link #verify} without the curve arithmetic. */
    static boolean wellFormed(byte[] publicKey32, byte[] message, byte[] signature64) {
        if (publicKey32 == null || message == null || signature64 == null
                || publicKey32.length != PUBLIC_KEY_BYTES || signature64.length != SIGNATURE_BYTES) {
            return false;
        }
        return acceptablePoint(publicKey32, 0) && acceptablePoint(signature64, 0) && canonicalScalar(signature64);
    }

    /** A canonical encoding (y < p) of a point that is not of small order. */
    static boolean acceptablePoint(byte[] encoded, int offset) {
        return isCanonicalY(encoded, offset) && !isSmallOrder(encoded, offset);
    }

    /** S (bytes 32..63, little-endian) must be below L. */
    static boolean canonicalScalar(byte[] signature) {
        for (int i = 31; i >= 0; i--) {
            int s = signature[32 + i] & 0xff;
            int l = ORDER_L[i] & 0xff;
            if (s != l) {
                return s < l;
            }
        }
        return false; // S == L
    }

    private static boolean isCanonicalY(byte[] e, int off) {
        // p = 2^255 - 19: y >= p only when bytes 1..30 are 0xff, the top byte is 0x7f and byte 0 >= 0xed.
        if ((e[off + 31] & 0x7f) != 0x7f) {
            return true;
        }
        for (int i = 30; i >= 1; i--) {
            if ((e[off + i] & 0xff) != 0xff) {
                return true;
            }
        }
        return (e[off] & 0xff) < 0xed;
    }

    private static boolean isSmallOrder(byte[] e, int off) {
        for (byte[] bad : SMALL_ORDER) {
            boolean same = true;
            for (int i = 0; i < 31 && same; i++) {
                same = e[off + i] == bad[i];
            }
            if (same && (e[off + 31] & 0x7f) == bad[31]) {
                return true;
            }
        }
        return false;
    }
}
