package dev.farthing.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import dev.farthing.recordlog.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * A platform key (arbiter, watchtower identity) at rest, sealed with Tink envelope encryption:
 * <ol>
 *   <li>scrypt(passphrase, salt, N=2^logN, r=8, p=1) gives 64 bytes: a 32-byte KEK and a 32-byte check key;</li>
 *   <li>the KEK (AES-256-GCM, Tink {@link AesGcmJce}) encrypts a fresh Tink AES-256-GCM keyset (the DEK), with
 *       the file header as associated data;</li>
 *   <li>the DEK encrypts the 32-byte Ed25519 seed, again bound to the header.</li>
 * </ol>
 * The header holds magic, version, scrypt parameters, salt, SHA-256 of the check key, the purpose (e.g.
 * "arbiter") and the public key, so swapping files between purposes, editing the public key or any byte of
 * the file fails. The check-key hash tells a wrong passphrase apart from tampering (it helps offline guessing
 * no more than the ciphertext already does).
 */
public final class EncryptedKeyFile {
    public static final int DEFAULT_LOG_N = 15;
    private static final int SALT_BYTES = 16;

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private EncryptedKeyFile() {
    }

    /** Generates a key, writes it sealed to {@code file} (atomically), and returns it. */
    public static SoftwareSigner create(Path file, String purpose, char[] passphrase, SecureRandom random) {
        SoftwareSigner signer = Ed25519.generate(random);
        write(file, signer, purpose, passphrase, DEFAULT_LOG_N, random);
        return signer;
    }

    public static void write(Path file, SoftwareSigner key, String purpose, char[] passphrase, int logN,
            SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] derived = kdf(passphrase, salt, logN);
        byte[] seed = key.exportSeed();
        try {
            KeyFileHeader header = new KeyFileHeader(logN, salt, Digests.sha256(Arrays.copyOfRange(derived, 32, 64)),
                    purpose, key.publicKey());
            byte[] ad = header.encode();
            KeysetHandle dek = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get());
            byte[] sealedDek = TinkProtoKeysetFormat.serializeEncryptedKeyset(dek, kek(derived), ad,
                    RegistryConfiguration.get());
            byte[] sealedSeed = dek.getPrimitive(RegistryConfiguration.get(), Aead.class).encrypt(seed, ad);
            AtomicFiles.write(file, KeyFileHeader.frame(ad, sealedDek, sealedSeed), AtomicFiles.OWNER_ONLY);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal key file", e);
        } catch (UncheckedIOException e) {
            throw new KeyFileException("key_file_io", "cannot write " + file, e);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(derived, (byte) 0);
        }
    }

    /** Opens a sealed key for {@code purpose}. @throws KeyFileException with a reason code */
    public static SoftwareSigner open(Path file, String purpose, char[] passphrase) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeyFileException("key_file_io", "cannot read " + file, e);
        }
        KeyFileHeader.Framed framed = KeyFileHeader.unframe(raw);
        KeyFileHeader header = framed.header();
        if (!header.purpose().equals(purpose)) {
            throw new KeyFileException("key_file_purpose_mismatch",
                    "file holds a '" + header.purpose() + "' key, not '" + purpose + "'", null);
        }
        byte[] derived = kdf(passphrase, header.salt(), header.logN());
        byte[] seed = null;
        try {
            if (!MessageDigest.isEqual(Digests.sha256(Arrays.copyOfRange(derived, 32, 64)), header.checkHash())) {
                throw new KeyFileException("key_file_wrong_passphrase", "passphrase does not open " + file, null);
            }
            byte[] ad = framed.headerBytes();
            KeysetHandle dek = TinkProtoKeysetFormat.parseEncryptedKeyset(framed.sealedDek(), kek(derived), ad,
                    RegistryConfiguration.get());
            seed = dek.getPrimitive(RegistryConfiguration.get(), Aead.class).decrypt(framed.sealedSeed(), ad);
            SoftwareSigner signer = Ed25519.fromSeed(seed);
            if (!Arrays.equals(signer.publicKey(), header.publicKey())) {
                throw new KeyFileException("key_file_tampered", "public key does not match the sealed key", null);
            }
            return signer;
        } catch (GeneralSecurityException e) {
            throw new KeyFileException("key_file_tampered", file + " failed authentication", e);
        } finally {
            Arrays.fill(derived, (byte) 0);
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }

    private static Aead kek(byte[] derived) throws GeneralSecurityException {
        return new AesGcmJce(Arrays.copyOf(derived, 32));
    }

    private static byte[] kdf(char[] passphrase, byte[] salt, int logN) {
        if (logN < 10 || logN > 20) {
            throw new KeyFileException("key_file_format", "scrypt logN out of range: " + logN, null);
        }
        byte[] pass = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase)).array();
        try {
            return SCrypt.generate(pass, salt, 1 << logN, 8, 1, 64);
        } finally {
            Arrays.fill(pass, (byte) 0);
        }
    }
}
