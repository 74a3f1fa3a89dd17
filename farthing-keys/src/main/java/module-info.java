/** Keys: Ed25519 and secp256k1 signing, encrypted key files, BIP-39 words, and PKCS#11 HSMs (via the FFM API). */
module dev.farthing.keys {
    requires dev.farthing.recordlog;
    requires org.bouncycastle.provider;
    requires com.google.crypto.tink;

    exports dev.farthing.keys;
    exports dev.farthing.keys.pkcs11;
}
