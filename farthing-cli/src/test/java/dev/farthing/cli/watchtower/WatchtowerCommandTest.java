package dev.farthing.cli.watchtower;

import dev.farthing.cli.ExitCodes;
import dev.farthing.cli.FarthingCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code farthing watchtower}: its help, its usage errors (exit 64) and its upload token. */
class WatchtowerCommandTest {
    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FarthingCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void helpNamesEveryOption() {
        Result help = run("watchtower", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--engine", "--engine-key", "--data", "--port", "--token", "--client-key");
        assertThat(run("--help").out()).contains("watchtower");
    }

    @Test
    void usageErrorsExit64BeforeAnythingStarts() {
        String data = tmp.resolve("tower").toString();
        assertThat(run("watchtower", "--engine-key", "k", "--data", data).exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("watchtower", "--engine", "http://localhost:1", "--engine-key", "k", "--data", data,
                "--port", "70000").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("watchtower", "--engine", "ftp://x", "--engine-key", "k", "--data", data).exit())
                .isEqualTo(ExitCodes.USAGE);
        Result shortToken = run("watchtower", "--engine", "http://localhost:1", "--engine-key", "k", "--data", data,
                "--token", "short");
        assertThat(shortToken.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(shortToken.err()).contains("--token must be at least 16 characters");
        Result badKey = run("watchtower", "--engine", "http://localhost:1", "--engine-key", "k", "--data", data,
                "--token", "0123456789abcdef", "--client-key", "zz");
        assertThat(badKey.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.exists(tmp.resolve("tower").resolve("blobs.dat"))).isFalse();
    }

    @Test
    void theTokenIsCreatedOnceOwnerReadableAndReused() throws Exception {
        Path dir = tmp.resolve("tower");
        assertThat(TowerToken.read(dir)).isNull();
        String token = TowerToken.create(dir);
        assertThat(token).startsWith("ftw_").hasSize(4 + 64);
        assertThat(TowerToken.read(dir)).isEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(TowerToken.FILE))))
                .isEqualTo("rw-------");
    }
}
