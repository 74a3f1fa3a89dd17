package dev.farthing.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedKeyFileTest {
    private static final char[] PASS = "correct horse battery staple".toCharArray();
    private static final byte[] MSG = "arbitrate".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void roundTripSignsWithTheSameKey() {
        Path file = dir.resolve("arbiter.key");
        SoftwareSigner created = EncryptedKeyFile.create(file, "arbiter", PASS, new SecureRandom());
        Signer opened = EncryptedKeyFile.open(file, "arbiter", PASS);
        assertThat(opened.publicKey()).isEqualTo(created.publicKey());
        assertThat(Ed25519.verify(created.publicKey(), MSG, opened.sign(MSG))).isTrue();
        assertThat(new String(readAll(file), StandardCharsets.ISO_8859_1)).doesNotContain(Hex.encode(created.exportSeed()));
    }

    @Test
    void wrongPassphraseAndWrongPurposeGiveClearCodes() {
        Path file = dir.resolve("tower.key");
        EncryptedKeyFile.write(file, Ed25519.generate(new SecureRandom()), "watchtower", PASS, 10, new SecureRandom());
        assertThatThrownBy(() -> EncryptedKeyFile.open(file, "watchtower", "wrong".toCharArray()))
                .isInstanceOfSatisfying(KeyFileException.class, e -> assertThat(e.code()).isEqualTo("key_file_wrong_passphrase"));
        assertThatThrownBy(() -> EncryptedKeyFile.open(file, "arbiter", PASS))
                .isInstanceOfSatisfying(KeyFileException.class, e -> assertThat(e.code()).isEqualTo("key_file_purpose_mismatch"));
    }

    @Test
    void everyFlippedByteIsDetected() throws Exception {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        Path file = dir.resolve("k.key");
        EncryptedKeyFile.write(file, Ed25519.generate(new SecureRandom()), "arbiter", PASS, 10, new SecureRandom());
        byte[] good = Files.readAllBytes(file);
        for (int i = 0; i < good.length; i += 1 + random.nextInt(6)) {
            byte[] bad = good.clone();
            bad[i] ^= (byte) (1 + random.nextInt(255));
            Files.write(file, bad);
            int at = i;
            assertThatThrownBy(() -> EncryptedKeyFile.open(file, "arbiter", PASS)).as("byte %d", at)
                    .isInstanceOf(KeyFileException.class);
        }
        Files.write(file, java.util.Arrays.copyOf(good, good.length - 3));
        assertThatThrownBy(() -> EncryptedKeyFile.open(file, "arbiter", PASS))
                .isInstanceOfSatisfying(KeyFileException.class, e -> assertThat(e.code()).isEqualTo("key_file_format"));
    }

    @Test
    void tamperedCiphertextReportsTampering() throws Exception {
        Path file = dir.resolve("t.key");
        EncryptedKeyFile.write(file, Ed25519.generate(new SecureRandom()), "arbiter", PASS, 10, new SecureRandom());
        byte[] bad = Files.readAllBytes(file);
        bad[bad.length - 1] ^= 1; // last byte of the sealed seed's GCM tag
        Files.write(file, bad);
        assertThatThrownBy(() -> EncryptedKeyFile.open(file, "arbiter", PASS))
                .isInstanceOfSatisfying(KeyFileException.class, e -> assertThat(e.code()).isEqualTo("key_file_tampered"));
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
