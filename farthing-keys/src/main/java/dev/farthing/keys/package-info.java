/**
 * Wallet and platform keys. BIP-39 mnemonics ({@link dev.farthing.keys.Mnemonic}) seed SLIP-0010 Ed25519
 * derivation ({@link dev.farthing.keys.Slip10}, hardened only); {@link dev.farthing.keys.Wallet} gives each
 * channel a key per {@link dev.farthing.keys.KeyFamily} on separate hardened branches. Everything signs through
 * {@link dev.farthing.keys.Signer}: in memory ({@link dev.farthing.keys.SoftwareSigner}), sealed at rest
 * ({@link dev.farthing.keys.EncryptedKeyFile}, Tink envelope AEAD under an scrypt KEK) or inside a PKCS#11 HSM
 * ({@link dev.farthing.keys.pkcs11.Pkcs11Signer}, FFM bindings since SunPKCS11 lacks EdDSA). Verification is
 * strict ({@link dev.farthing.keys.Ed25519#verify}).
 */
package dev.farthing.keys;
