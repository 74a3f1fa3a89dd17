package dev.farthing.keys;

/**
 * Something that holds one Ed25519 private key and signs with it. Implementations keep the private key in
 * memory ({@link SoftwareSigner}), in an encrypted file ({@link EncryptedKeyFile}) or inside an HSM
 * ({@code Pkcs11Signer}); callers never see the private key.
 */
public interface Signer {

    /** The 32-byte raw Ed25519 public key. */
    byte[] publicKey();

    /** A 64-byte pure Ed25519 signature (RFC 8032) over {@code message}. */
    byte[] sign(byte[] message);
}
