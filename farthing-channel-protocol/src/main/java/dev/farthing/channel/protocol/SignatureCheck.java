package dev.farthing.channel.protocol;

import dev.farthing.keys.Ed25519;

/**
 * The one place the protocol verifies an Ed25519 signature: strict verification from farthing-keys
 * (non-canonical S, small-order keys and wrong lengths are refused, never an exception).
 */
public final class SignatureCheck {
    public static final int SIGNATURE_LENGTH = 64;

    private SignatureCheck() {
    }

    public static boolean verify(byte[] publicKey32, byte[] message, byte[] signature) {
        return Ed25519.verify(publicKey32, message, signature); // refuses null and wrong lengths itself
    }
}
