package dev.farthing.cli;

import dev.farthing.cli.CrashBook.Group;
import dev.farthing.cli.CrashBook.State;
import dev.farthing.ledger.api.LedgerVerification;
import dev.farthing.ledger.api.VerifyReport;
import dev.farthing.server.ServerOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash test: a real {@code farthing serve} process under concurrent load is SIGKILLed at random
 * moments. After every kill the journal must verify offline, and after every restart each acknowledged
 * transfer exists exactly once with the amount sent, no refused or uncommitted one exists, no atomic batch
 * is half-applied, balances equal the sum of their transfers (debits equal credits per currency), and
 * retrying an acknowledged request is a replay. Cycles: {@code -Dfarthing.crash.cycles} (default 20);
 * seed: printed, and reproducible with {@code -Dfarthing.crash.seed}. Logs and data stay in
 * {@code target/crash-test/seed-N} when the test fails.
 */
class CrashRecoveryTest {
    private static final int CLIENTS = 16;
    private static final int MIN_KILL_DELAY_MS = 100;
    private static final int MAX_KILL_DELAY_MS = 800;

    @Test
    void acknowledgedTransfersSurviveSigkillUnderLoad() throws Exception {
        // No JUnit timeout: the cycle count is open-ended, and every step has its own bound instead
        // (server start 60 s, each HTTP request 30 s, each kill 30 s).
        long seed = Long.getLong("farthing.crash.seed", new Random().nextLong());
        int cycles = Integer.getInteger("farthing.crash.cycles", 20);
        System.out.println("crash test seed=" + seed);
        Path root = Path.of("target", "crash-test", "seed-" + seed).toAbsolutePath();
        System.out.println("crash test: " + cycles + " cycles; logs and data in " + root + " (kept if it fails)");
        deleteRecursively(root);
        ServerProcess[] current = new ServerProcess[1];
        try {
            runCycles(seed, cycles, root, current);
        } finally {
            if (current[0] != null) {
                current[0].close();
            }
        }
        deleteRecursively(root);
    }

    private static void runCycles(long seed, int cycles, Path root, ServerProcess[] current) throws Exception {
        Random random = new Random(seed);
        Path data = root.resolve("data");
        CrashBook book = new CrashBook();
        current[0] = ServerProcess.start(data, root, "serve-0");
        String adminKey = current[0].adminKey();
        assertThat(adminKey).as("serve on an empty directory prints the admin key once").startsWith("fk_");
        setUp(new LedgerHttp(current[0].baseUrl(), adminKey), book);
        for (int cycle = 1; cycle <= cycles; cycle++) {
            long killAfterMs = MIN_KILL_DELAY_MS + random.nextInt(MAX_KILL_DELAY_MS - MIN_KILL_DELAY_MS + 1);
            long sent = loadThenKill(current[0], adminKey, book, seed, cycle, killAfterMs);
            expectVerified(data, "after kill " + cycle);
            long restartStart = System.nanoTime();
            current[0] = ServerProcess.start(data, root, "serve-" + cycle);
            long restartMs = (System.nanoTime() - restartStart) / 1_000_000;
            assertThat(current[0].adminKey()).as("an initialised directory never prints a new admin key").isNull();
            new CrashAudit(new LedgerHttp(current[0].baseUrl(), adminKey), book, random).runAll();
            assertThat(book.violations()).as("violations after restart %d (seed %d)", cycle, seed).isEmpty();
            System.out.printf("cycle %d: killed after %d ms (%d requests sent), restarted in %d ms; so far %d"
                    + " requests committed, %d refused; cut off by kills: %d committed, %d not%n", cycle,
                    killAfterMs, sent, restartMs, book.count(State.ACKED), book.count(State.REFUSED),
                    book.doubtsCommitted(), book.count(State.ABSENT));
        }
        int exit = current[0].stopGracefully();
        assertThat(exit).as("exit status after SIGTERM").isIn(0, 143);
        assertThat(Files.readString(root.resolve("serve-" + cycles + ".err"))).contains("Farthing stopped cleanly.");
        VerifyReport report = expectVerified(data, "after a clean stop");
        assertThat(report.tornTailBytes()).as("a clean stop leaves no torn tail").isZero();
        assertThat(report.transfers()).isEqualTo(book.committedLegs().size());
        assertThat(book.groupsIn(State.ACKED).stream().filter(g -> !g.legs().getFirst().id().startsWith("fund.")))
                .as("the load got acknowledgements at all").isNotEmpty();
    }

    /** Accounts and funding, all acknowledged before the first kill. */
    private static void setUp(LedgerHttp http, CrashBook book) throws IOException, InterruptedException {
        for (String[] a : CrashAccounts.all()) {
            assertThat(http.createAccount(a[0], a[1], a[2]).status()).as("create account " + a[0]).isEqualTo(201);
        }
        for (Leg leg : CrashAccounts.fundingLegs()) {
            assertThat(http.transfer(leg).status()).as("fund " + leg.credit()).isEqualTo(201);
            book.record(new Group(List.of(leg), false, false), State.ACKED);
        }
        book.absorbReports();
    }

    private static long loadThenKill(ServerProcess server, String key, CrashBook book, long seed, int cycle,
                                     long killAfterMs) throws InterruptedException {
        CrashLoad load = new CrashLoad(new LedgerHttp(server.baseUrl(), key), book, seed, cycle);
        load.start(CLIENTS);
        Thread.sleep(killAfterMs);
        server.kill();
        load.stopAndJoin();
        book.absorbReports();
        assertThat(book.violations()).as("violations during load of cycle %d (seed %d)", cycle, seed).isEmpty();
        return load.sent();
    }

    /** Runs {@code farthing verify} in-process, as an operator would after a crash, and the verifier itself. */
    private static VerifyReport expectVerified(Path data, String when) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FarthingCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("verify", "--data", data.toString());
        assertThat(out.toString()).as("verify %s (stderr: %s)", when, err).startsWith("VERIFIED");
        assertThat(exit).isZero();
        VerifyReport report = LedgerVerification.verify(data, ServerOptions.defaults(data, 0).ledgerConfig().currencies(), null);
        assertThat(report.ok()).as(report.verdict()).isTrue();
        return report;
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
