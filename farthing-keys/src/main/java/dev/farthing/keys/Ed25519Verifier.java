package dev.farthing.keys;

import org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint;

/**
 * A strict Ed25519 verifier for one public key, decoded once. Same rules as {@link Ed25519#verify}; an
 * unacceptable key (non-canonical, not on the curve, small order) is refused when the verifier is made.
 */
public final class Ed25519Verifier {
    private final byte[] publicKey;
    private final PublicPoint point;

    private Ed25519Verifier(byte[] publicKey, PublicPoint point) {
        this.publicKey = publicKey;
        this.point = point;
    }

    /** @throws IllegalArgumentException when the key is not an acceptable Ed25519 public key */
    static Ed25519Verifier of(byte[] publicKey32) {
        if (publicKey32 == null || publicKey32.length != Ed25519.PUBLIC_KEY_BYTES
                || !Ed25519.acceptablePoint(publicKey32, 0)) {
            throw new IllegalArgumentException("not an acceptable Ed25519 public key");
        }
        PublicPoint point = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartialExport(publicKey32, 0);
        if (point == null) {
            throw new IllegalArgumentException("Ed25519 public key is not a point on the curve");
        }
        return new Ed25519Verifier(publicKey32.clone(), point);
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public boolean verify(byte[] message, byte[] signature64) {
        if (message == null || signature64 == null || signature64.length != Ed25519.SIGNATURE_BYTES
                || !Ed25519.acceptablePoint(signature64, 0) || !Ed25519.canonicalScalar(signature64)) {
            return false;
        }
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature64, 0, point, message, 0, message.length);
    }
}
