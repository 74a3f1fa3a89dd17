package dev.farthing.compliance.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.farthing.compliance.cases.Case;
import dev.farthing.compliance.cases.CaseBook;
import dev.farthing.contracts.audit.AuditSink;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts survive kill -9 exactly once: a child process follows the ledger into the case book and is SIGKILLed at
 * random moments, several times; then the cases hold exactly the alerts a clean run raises, none twice.
 */
class MonitorCrashTest {
    static final long USD = 1_000_000;
    static final int WALLETS = 200;
    static final int CYCLES = 3;
    @TempDir Path dir;

    @Test
    void noAlertIsLostOrDoubledAcrossKills() throws Exception {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("MonitorCrashTest seed " + seed + " (-Dfarthing.seed=" + seed + " to reproduce)");
        Random rnd = new Random(seed);
        Path data = dir.resolve("data");
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            deposits(data, cycle); // each cycle brings the child new work to be killed in the middle of
            long killAfterMs = 50 + rnd.nextInt(600);
            runAndKill(data, cycle, killAfterMs);
            try (CaseBook cases = CaseBook.open(data.resolve("cases"))) {
                System.out.printf("MonitorCrashTest cycle %d: killed after %d ms with %d of %d alerts in cases%n", cycle, killAfterMs,
                        cases.all().stream().mapToInt(c -> c.alertIds().size()).sum(), 2 * WALLETS * (cycle + 1));
            }
        }
        Set<String> reference = new HashSet<>();
        try (Ledger ledger = MonitorCrashChild.openLedger(data);
             TransactionMonitor clean = TransactionMonitor.open(dir.resolve("clean"), ledger.events(), MonitoringRules.defaults(),
                     Map.of("USD", 6), a -> reference.add(a.id()), AuditSink.NONE, 1_000_000)) {
            clean.catchUp();
        }
        assertThat(reference).hasSize(2 * WALLETS * CYCLES); // structuring and cash over 10,000 a day, per wallet
        try (Ledger ledger = MonitorCrashChild.openLedger(data); CaseBook cases = CaseBook.open(data.resolve("cases"));
             TransactionMonitor m = MonitorCrashChild.openMonitor(ledger, data, cases)) {
            m.catchUp();
            List<String> all = new ArrayList<>();
            for (Case c : cases.all()) all.addAll(c.alertIds());
            assertThat(all).as("no alert twice").doesNotHaveDuplicates();
            assertThat(new HashSet<>(all)).as("no alert lost").isEqualTo(reference);
            assertThat(cases.all()).hasSize(WALLETS * CYCLES);
        }
    }

    /** 200 new wallets, each with three cash deposits just under 10,000: two alerts each. */
    private static void deposits(Path data, int cycle) {
        try (Ledger ledger = MonitorCrashChild.openLedger(data)) {
            if (cycle == 0) ledger.createAccount(new NewAccount("bank", "USD", AccountKind.SETTLEMENT, false, 0, Map.of())).join().orThrow();
            List<NewTransfer> deposits = new ArrayList<>();
            for (int w = 0; w < WALLETS; w++) {
                String wallet = "w" + cycle + "-" + w;
                ledger.createAccount(new NewAccount(wallet, "USD", AccountKind.WALLET, null, 0, Map.of())).join().orThrow();
                for (int k = 0; k < 3; k++) deposits.add(NewTransfer.simple("d" + wallet + "-" + k, "bank", wallet, (9_100 + 200L * k) * USD, "USD"));
            }
            ledger.createTransfers(deposits, false).join().forEach(o -> assertThat(o.isOk()).isTrue());
        }
    }

    private void runAndKill(Path data, int cycle, long killAfterMs) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-ea", "-XX:+UseSerialGC",
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "-cp", String.join(System.getProperty("path.separator"), "target/test-classes", System.getProperty("java.class.path"),
                        System.getProperty("jdk.module.path", "")),
                MonitorCrashChild.class.getName(), data.toString());
        Path err = dir.resolve("child-" + cycle + ".err");
        Process child = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.equals("READY")) line = out.readLine(); // the child's log lines go to stdout too
            assertThat(line).as("child start-up; stderr: %s", Files.exists(err) ? Files.readString(err) : "").isEqualTo("READY");
            Thread.sleep(killAfterMs);
            child.destroyForcibly(); // SIGKILL: no close, no snapshot, no flush
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child died").isTrue();
        } finally {
            child.destroyForcibly();
        }
    }
}
