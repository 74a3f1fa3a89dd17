package dev.farthing.cli;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.server.ApiKeys;
import dev.farthing.server.FarthingServer;
import dev.farthing.server.ServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands run in-process, as a user types them: exit codes, output and effects. */
class CliCommandsTest {
    private static final Pattern KEY = Pattern.compile("\\(shown once, store it now\\): (fk_\\S+)");

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {
        String key() {
            Matcher m = KEY.matcher(out);
            assertThat(m.find()).as("a key in: " + out).isTrue();
            return m.group(1);
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FarthingCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommandAndUsageErrorsExit64() {
        Result help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("serve", "init", "keys", "verify", "snapshot", "bench", "Exit codes");
        assertThat(run("serve", "--help").out()).contains("--port", "--data", "--host");
        assertThat(run("keys", "create", "--help").out()).contains("--role");
        assertThat(run("bench", "ledger", "--help").out()).contains("--workload", "--mode");
        assertThat(run("bench", "rate", "--help").out()).contains("--target", "--via", "--rate");
        assertThat(run("--version").out()).startsWith("farthing ");

        Result unknown = run("frobnicate");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("frobnicate");
        assertThat(run("keys", "create", "--role", "boss", "--data", tmp.toString()).err())
                .contains("unknown role: boss");
        assertThat(run("bench", "ledger", "--no-such-flag", "1").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("bench", "rate", "--target", "claims", "--via", "http").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void initPrintsOneAdminKeyAndRefusesASecondTime() throws Exception {
        Path data = tmp.resolve("data");
        Result first = run("init", "--data", data.toString());
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("Admin API key (shown once, store it now): fk_");
        assertThat(run("verify", "--data", data.toString()).out()).as("init leaves a complete, empty ledger")
                .startsWith("VERIFIED");

        Result second = run("init", "--data", data.toString());
        assertThat(second.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(second.err()).contains("already initialised");
        assertThat(second.out()).doesNotContain("fk_");
        assertThat(ApiKeys.list(data)).hasSize(1);
    }

    @Test
    void keysCreatedByTheCliAreAcceptedByARunningServerUntilRevoked() throws Exception {
        Path data = tmp.resolve("data");
        String admin = run("init", "--data", data.toString()).key();
        try (FarthingServer server = FarthingServer.start(ServerOptions.defaults(data, 0).withHost("127.0.0.1"))) {
            LedgerHttp anonymous = new LedgerHttp("http://127.0.0.1:" + server.port(), "fk_not_a_key");
            assertThat(anonymous.account("nobody").status()).isEqualTo(401);

            // Created while the server runs: it re-reads the key store when it meets an unknown key.
            Result created = run("keys", "create", "--role", "auditor", "--label", "ci", "--data", data.toString());
            assertThat(created.exit()).isZero();
            LedgerHttp auditor = new LedgerHttp("http://127.0.0.1:" + server.port(), created.key());
            assertThat(auditor.account("nobody").status()).as("authenticated, unknown account").isEqualTo(404);
            assertThat(auditor.createAccount("a1", "USD", "wallet").status()).as("auditors cannot write").isEqualTo(403);
            assertThat(new LedgerHttp("http://127.0.0.1:" + server.port(), admin).createAccount("a1", "USD", "wallet")
                    .status()).isEqualTo(201);

            String keyId = created.key().substring(0, 11);
            assertThat(run("keys", "list", "--data", data.toString()).out()).contains(keyId, "auditor", "ci", "admin");
            assertThat(run("keys", "revoke", keyId, "--data", data.toString()).exit()).isZero();
            assertThat(run("keys", "revoke", keyId, "--data", data.toString()).exit()).isEqualTo(ExitCodes.ERROR);
            long deadline = System.nanoTime() + 5_000_000_000L;
            int status;
            do {
                Thread.sleep(100);
                status = auditor.account("nobody").status();
            } while (status != 401 && System.nanoTime() < deadline);
            assertThat(status).as("a revoked key is refused").isEqualTo(401);
        }
    }

    @Test
    void keysNeedAnInitialisedDirectory() {
        Result r = run("keys", "list", "--data", tmp.resolve("nothing").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).contains("farthing init");
    }

    @Test
    void snapshotOfflineOrThroughARunningServer() throws Exception {
        Path data = tmp.resolve("data");
        String admin = run("init", "--data", data.toString()).key();
        Result offline = run("snapshot", "--data", data.toString());
        assertThat(offline.exit()).as(offline.err()).isZero();
        assertThat(offline.out()).contains("Snapshot written: snapshot-");

        try (FarthingServer server = FarthingServer.start(ServerOptions.defaults(data, 0).withHost("127.0.0.1"))) {
            Result locked = run("snapshot", "--data", data.toString());
            assertThat(locked.exit()).isEqualTo(ExitCodes.ERROR);
            assertThat(locked.err()).contains("--url");

            String url = "http://127.0.0.1:" + server.port();
            Result online = run("snapshot", "--url", url, "--key", admin);
            assertThat(online.exit()).as(online.err()).isZero();
            assertThat(online.out()).contains("Snapshot written: snapshot-");
            assertThat(run("snapshot", "--url", url, "--key", "fk_wrong").err()).contains("401");
        }
        assertThat(run("verify", "--data", data.toString()).exit()).isZero();
    }

    @Test
    void verifyFailsWithExitTwoNamingFileAndOffsetOnAFlippedByte() throws Exception {
        Path data = tmp.resolve("data");
        try (Ledger ledger = Ledgers.open(ServerOptions.defaults(data, 0).ledgerConfig())) {
            for (int i = 0; i < 3; i++) {
                ledger.createAccount(new NewAccount("acct" + i, "USD", AccountKind.WALLET, null, 0, Map.of()))
                        .get().orThrow();
            }
        }
        Result good = run("verify", "--data", data.toString());
        assertThat(good.exit()).isZero();
        assertThat(good.out()).startsWith("VERIFIED: 3 batches");

        Path segment;
        try (Stream<Path> files = Files.list(data.resolve("ledger-log"))) {
            segment = files.filter(p -> p.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
        }
        flipByte(segment, 100); // inside the first record's payload, two records before the tail
        Result bad = run("verify", "--data", data.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.VERIFY_FAILED);
        assertThat(bad.out()).startsWith("FAILED: ").contains(segment.getFileName().toString(), "offset");
    }

    @Test
    void verifyReportsADamagedSnapshotAsAFailureNotACrash() throws Exception {
        Path data = tmp.resolve("data");
        String snapshot;
        try (Ledger ledger = Ledgers.open(ServerOptions.defaults(data, 0).ledgerConfig())) {
            ledger.createAccount(new NewAccount("acct", "USD", AccountKind.WALLET, null, 0, Map.of())).get().orThrow();
            snapshot = ledger.snapshot().get();
        }
        Path file;
        try (Stream<Path> files = Files.walk(data)) {
            file = files.filter(p -> p.getFileName().toString().equals(snapshot)).findFirst().orElseThrow();
        }
        flipByte(file, Files.size(file) / 2);
        Result bad = run("verify", "--data", data.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.VERIFY_FAILED);
        assertThat(bad.out()).startsWith("FAILED: snapshot").contains(snapshot, "offset");
    }

    @Test
    void verifyOfAMissingDirectoryIsAnErrorNotAVerdict() {
        Result r = run("verify", "--data", tmp.resolve("missing").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).contains("does not exist");
    }

    private static void flipByte(Path file, long offset) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ 0x5A));
            b.rewind();
            ch.write(b, offset);
        }
    }
}
