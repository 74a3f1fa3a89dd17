package dev.farthing.keys;

import java.util.Arrays;

/**
 * An Ed25519 key held in memory as its 32-byte RFC 8032 seed. The public key is computed once; signing uses
 * BouncyCastle's constant-time implementation.
 */
public final class SoftwareSigner implements Signer {
    private final byte[] seed;
    private final byte[] publicKey;

    SoftwareSigner(byte[] seed) {
        if (seed.length != Ed25519.SEED_BYTES) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes, got " + seed.length);
        }
        this.seed = seed.clone();
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_BYTES];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(this.seed, 0, publicKey, 0);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] sign(byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_BYTES];
        // Passing the cached public key spares BouncyCastle a second base-point multiplication per signature.
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    /** The private seed, for persisting into an encrypted key file. Callers must wipe the returned copy. */
    public byte[] exportSeed() {
        return seed.clone();
    }

    /** Overwrites the in-memory seed; the signer is unusable afterwards. */
    public void destroy() {
        Arrays.fill(seed, (byte) 0);
    }

    @Override
    public String toString() {
        return "SoftwareSigner[" + Hex.encode(publicKey) + "]";
    }
}
