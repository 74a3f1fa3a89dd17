package dev.farthing.keys.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.farthing.keys.Ed25519;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ed25519 in SoftHSM2 through PKCS#11 (FFM bindings). Skips when SoftHSM2 is not installed
 * ({@code apt-get install softhsm2}; {@code .ci/run} does it when run as root).
 */
class SoftHsmSignerTest {
    private static final Path MODULE = Path.of(System.getProperty("farthing.pkcs11.module", "/usr/lib/softhsm/libsofthsm2.so"));
    private static final char[] PIN = "1234".toCharArray();
    private static final String TOKEN = "farthing-test";
    private static Path dir;
    private static Pkcs11Token token;

    @BeforeAll
    static void initToken() throws Throwable {
        skipUnless(Files.isReadable(MODULE), "SoftHSM2 not installed (" + MODULE + " missing): HSM tests skipped");
        skipUnless(Files.isExecutable(Path.of("/usr/bin/softhsm2-util")), "softhsm2-util missing: HSM tests skipped");
        dir = Files.createTempDirectory("farthing-softhsm");
        Files.createDirectories(dir.resolve("tokens"));
        Path conf = dir.resolve("softhsm2.conf");
        Files.writeString(conf, "directories.tokendir = " + dir.resolve("tokens") + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        ProcessBuilder pb = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", TOKEN,
                "--so-pin", "0000", "--pin", new String(PIN)).redirectErrorStream(true);
        pb.environment().put("SOFTHSM2_CONF", conf.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        setenv("SOFTHSM2_CONF", conf.toString()); // the in-process library reads the native environment
        token = Pkcs11Token.open(MODULE, TOKEN, PIN);
    }

    @AfterAll
    static void close() {
        if (token != null) {
            token.close();
        }
    }

    @Test
    void signsInsideTheHsmAndBouncyCastleVerifiesStrictly() {
        Pkcs11Signer arbiter = Pkcs11Signer.generate(token, "arbiter");
        byte[] msg = "FARB\0 settle channel".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = arbiter.sign(msg);
        assertThat(sig).hasSize(64);
        assertThat(Ed25519.verify(arbiter.publicKey(), msg, sig)).isTrue();
        msg[0] ^= 1;
        assertThat(Ed25519.verify(arbiter.publicKey(), msg, sig)).isFalse();
        assertThat(Ed25519.verify(arbiter.publicKey(), new byte[0], arbiter.sign(new byte[0]))).isTrue();
    }

    @Test
    void privateKeyNeverLeavesTheToken() {
        Pkcs11Signer tower = Pkcs11Signer.generate(token, "tower-identity");
        assertThatThrownBy(tower::attemptPrivateKeyExport).isInstanceOfSatisfying(Pkcs11Exception.class,
                e -> assertThat(e.returnValue()).isEqualTo(Ckr.ATTRIBUTE_SENSITIVE));
    }

    @Test
    void keyIsFoundAgainByLabelAndWrongPinIsRefused() {
        Pkcs11Signer created = Pkcs11Signer.generate(token, "found-again");
        Pkcs11Signer found = Pkcs11Signer.find(token, "found-again");
        assertThat(found.publicKey()).isEqualTo(created.publicKey());
        byte[] msg = {1, 2, 3};
        assertThat(Ed25519.verify(created.publicKey(), msg, found.sign(msg))).isTrue();
        assertThatThrownBy(() -> Pkcs11Signer.find(token, "absent")).isInstanceOf(Pkcs11Exception.class);
        assertThatThrownBy(() -> Pkcs11Token.open(MODULE, "no-such-token", PIN)).isInstanceOf(Pkcs11Exception.class)
                .hasMessageContaining("no PKCS#11 token");
    }

    private static void skipUnless(boolean condition, String message) {
        if (!condition) {
            System.out.println("SKIP SoftHsmSignerTest: " + message); // visible in the build log, not only the report
        }
        assumeTrue(condition, message);
    }

    @SuppressWarnings("restricted")
    private static void setenv(String name, String value) throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) setenv.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 1);
            assertThat(rc).isZero();
        }
    }
}
