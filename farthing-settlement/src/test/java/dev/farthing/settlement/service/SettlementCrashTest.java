package dev.farthing.settlement.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.settlement.connector.http.ProviderSimulatorProcess;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.payout.Schedule;
import dev.farthing.settlement.store.SettlementEvent.LineSettled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 (destroyForcibly) of a child JVM in the middle of a payout batch, and in the middle of a statement import,
 * against the provider simulator in its own process (so the provider's books outlive the crash, timeouts that
 * succeeded anyway included): after a restart the batch finishes, no payout is paid twice at the provider, no
 * payee is debited twice, nothing is lost, and re-importing books nothing twice.
 */
class SettlementCrashTest {
    static final int PAYEES = 30;
    static final String SIM = """
            {"seed": 11, "manualClock": true, "start": "2026-01-05T09:00:00Z", "hangMillis": 900,
             "providers": [
              {"id": "fastpay", "apiKey": "k-fastpay", "webhookSecret": "whsec-fastpay-0123456789", "latencyMillis": 5,
               "refusalRate": 0.05, "timeoutRate": 0.1, "timeoutSucceededRate": 0.5, "failureRate": 0.03,
               "lostWebhookRate": 1.0, "duplicateWebhookRate": 0.0, "settleAfterSeconds": 60,
               "corridors": [{"currency": "EUR", "country": "DE", "fixedFeeMinor": 25, "basisPoints": 30}]},
              {"id": "slowbank", "apiKey": "k-slowbank", "webhookSecret": "whsec-slowbank-0123456789", "latencyMillis": 20,
               "refusalRate": 0.0, "timeoutRate": 0.05, "timeoutSucceededRate": 0.5, "failureRate": 0.0,
               "lostWebhookRate": 1.0, "duplicateWebhookRate": 0.0, "settleAfterSeconds": 120,
               "corridors": [{"currency": "EUR", "country": "DE", "fixedFeeMinor": 10, "basisPoints": 80}]}]}
            """;

    @TempDir
    Path dir;

    @Test
    void killedMidBatchAndMidImportTheRestartFinishesWithNothingPaidTwiceAndNothingLost() throws Exception {
        Map<String, Long> funded = new HashMap<>();
        try (ProviderSimulatorProcess sim = ProviderSimulatorProcess.start(SIM)) {
            int port = sim.port();
            try (Ledger ledger = TestLedger.open(dir.resolve("ledger"));
                 SettlementService s = SettlementService.open(ledger, CrashChild.config(dir, port, new AtomicInteger(), false))) {
                TestLedger.account(ledger, "platform", "EUR");
                for (int i = 0; i < PAYEES; i++) {
                    TestLedger.account(ledger, "m" + i, "EUR");
                    long amount = 10_000_000L + i * 1_234_567L;
                    TestLedger.book(ledger, "platform", "m" + i, amount, "EUR", "earning");
                    funded.put("m" + i, amount);
                    s.setPayee(new Payee("p" + i, "m" + i, "EUR", "DE", "Payee " + i, "DE-IBAN-" + i, Schedule.daily(100)));
                }
            }
            int seenBeforeKill = runAndKill("batch", port, "SUBMITTED 12");
            System.out.println("batch child killed after " + seenBeforeKill + " submits");

            try (Ledger ledger = TestLedger.open(dir.resolve("ledger"));
                 SettlementService s = SettlementService.open(ledger, CrashChild.config(dir, port, new AtomicInteger(), false))) {
                assertThat(s.payouts(null)).as("the batch was recorded whole before the first hold").hasSize(PAYEES);
                for (int round = 0; round < 8 && !allFinal(s); round++) {
                    s.tick();
                    sim.advance(150);
                    s.tick();
                }
                assertThat(allFinal(s)).as("every payout paid or failed: " + s.payouts(null)).isTrue();
                checkBooks(s, ledger, sim.books(), funded);
                assertThat(s.runDue("again").payouts()).as("paid today: nothing due again").isEmpty();
            }

            int linesSeen = runAndKill("import", port, "IMPORTING");
            System.out.println("import child killed after " + linesSeen + " lines of output");
            try (Ledger ledger = TestLedger.open(dir.resolve("ledger"));
                 SettlementService s = SettlementService.open(ledger, CrashChild.config(dir, port, new AtomicInteger(), false))) {
                CrashChild.importStatements(s, port); // the restart finished what the killed import left
                long roundingBefore = TestLedger.balance(ledger, "sys.settlement.adjust.rounding.EUR");
                var reports = CrashChild.importStatements(s, port); // and a repeat books nothing twice
                assertThat(TestLedger.balance(ledger, "sys.settlement.adjust.rounding.EUR")).isEqualTo(roundingBefore);
                long paidDebits = 0;
                for (var r : reports) {
                    List<LineSettled> settled = s.lineResults(r.statementId());
                    Set<String> ids = new HashSet<>();
                    for (LineSettled l : settled) assertThat(ids.add(l.lineId())).as("settled once: " + l.lineId()).isTrue();
                    assertThat(settled.size() + r.exceptions().size()).as("every line settled or explained").isEqualTo(r.lines());
                    paidDebits += settled.stream().filter(l -> l.result().equals("matched_debit")).count();
                    System.out.printf("%s: %d lines, %d matched, %d adjusted, %d exceptions%n", r.provider(), r.lines(),
                            r.matched(), r.adjusted(), r.exceptions().size());
                }
                assertThat(paidDebits).isEqualTo(s.payouts(PayoutStatus.PAID).size());
                // every 7th debit was off by one: each booked exactly once, so the adjustment equals the faults
                long faults = reports.stream().mapToLong(ImportReport::adjusted).sum();
                assertThat(roundingBefore).isEqualTo(-faults * 10_000);
                assertThat(s.exceptions()).isEmpty();
                TestLedger.assertConserved(ledger);
            }
        }
    }

    static boolean allFinal(SettlementService s) {
        return s.payouts(null).stream().allMatch(p -> p.status().isFinal() && p.booked() != null);
    }

    /** Each payee's balance is what it was funded less its paid payouts; each paid payout paid once, at one provider. */
    static void checkBooks(SettlementService s, Ledger ledger, JsonNode books, Map<String, Long> funded) {
        Map<String, Integer> paidAtProvider = new HashMap<>();
        Map<String, Long> providerTotal = new HashMap<>();
        books.path("providers").fields().forEachRemaining(e -> {
            for (JsonNode p : e.getValue()) {
                if (p.path("status").asText().equals("paid")) {
                    paidAtProvider.merge(p.path("payoutId").asText(), 1, Integer::sum);
                    providerTotal.merge(e.getKey(), p.path("amountMinor").asLong() + p.path("feeMinor").asLong(), Long::sum);
                }
            }
        });
        paidAtProvider.forEach((id, n) -> assertThat(n).as("payout " + id + " paid at the providers").isEqualTo(1));
        Map<String, Long> expected = new HashMap<>(funded);
        for (Payout p : s.payouts(null)) {
            boolean paid = p.status() == PayoutStatus.PAID;
            assertThat(paidAtProvider.containsKey(p.id())).as(p.id() + " " + p.status()).isEqualTo(paid);
            if (paid) expected.merge(p.account(), -p.ledgerAmount(), Long::sum);
        }
        expected.forEach((account, balance) -> {
            assertThat(TestLedger.view(ledger, account).balance()).as(account).isEqualTo(balance);
            assertThat(TestLedger.view(ledger, account).debitsPending()).isZero();
        });
        for (String provider : CrashChild.PROVIDERS) {
            assertThat(TestLedger.balance(ledger, "sys.settlement.provider." + provider + ".EUR"))
                    .as("ledger and " + provider + "'s books agree")
                    .isEqualTo(providerTotal.getOrDefault(provider, 0L) * 10_000);
        }
        assertThat(TestLedger.balance(ledger, "sys.settlement.inflight.EUR")).isZero();
        TestLedger.assertConserved(ledger);
    }

    /** Starts the child, waits for {@code killAfter} on its stdout, kills it (kill -9); returns the lines it printed. */
    private int runAndKill(String mode, int port, String killAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = String.join(System.getProperty("path.separator"), System.getProperty("java.class.path"),
                System.getProperty("jdk.module.path", ""));
        Process p = new ProcessBuilder(java, "-ea", "-Xmx256m", "-cp", classPath, CrashChild.class.getName(), mode,
                dir.toString(), Integer.toString(port)).redirectErrorStream(true).start();
        int lines = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines++;
                if (line.startsWith(killAfter)) {
                    if (mode.equals("import")) Thread.sleep(150); // into the import, past its first lines
                    break;
                }
                assertThat(line).as("the child finished before it could be killed").isNotEqualTo("DONE");
            }
            p.destroyForcibly();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        return lines;
    }
}
