package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.settlement.connector.http.ProviderSimulatorProcess;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.payout.Schedule;
import dev.farthing.settlement.routing.RoutingPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider simulator at its worst (a fifth of submits refused, timeouts of which half paid anyway, failures after
 * acceptance, every webhook lost so only polling learns anything) for an hour of simulated time with
 * {@code -Dfarthing.soak=true} (a few minutes otherwise): payouts every simulated minute, then a drain. At the end
 * every payout is paid or failed, none twice, the ledger and the providers' books agree to the unit, and the
 * providers' statements reconcile with no exception.
 */
class SettlementSoakTest {
    static final String WORST = """
            {"seed": %d, "manualClock": true, "start": "2026-01-05T09:00:00Z", "hangMillis": 700,
             "providers": [
              {"id": "fastpay", "apiKey": "k-fastpay", "webhookSecret": "whsec-fastpay-0123456789", "latencyMillis": 2,
               "refusalRate": 0.2, "timeoutRate": 0.15, "timeoutSucceededRate": 0.5, "failureRate": 0.05,
               "lostWebhookRate": 1.0, "duplicateWebhookRate": 0.2, "settleAfterSeconds": 90,
               "corridors": [{"currency": "EUR", "country": "DE", "fixedFeeMinor": 25, "basisPoints": 30}]},
              {"id": "slowbank", "apiKey": "k-slowbank", "webhookSecret": "whsec-slowbank-0123456789", "latencyMillis": 5,
               "refusalRate": 0.2, "timeoutRate": 0.15, "timeoutSucceededRate": 0.5, "failureRate": 0.05,
               "lostWebhookRate": 1.0, "duplicateWebhookRate": 0.2, "settleAfterSeconds": 180,
               "corridors": [{"currency": "EUR", "country": "DE", "fixedFeeMinor": 10, "basisPoints": 80}]}]}
            """;

    @TempDir
    Path dir;

    @Test
    void worstProviderSettingsForAnHourOfSimulatedTimeLedgerAndProviderBooksAgree() throws Exception {
        boolean soak = Boolean.getBoolean("farthing.soak");
        int minutes = soak ? 60 : 4;
        int payees = soak ? 40 : 12;
        long seed = Long.getLong("farthing.seed", System.nanoTime() & 0xffff);
        System.out.println("SettlementSoakTest seed " + seed + ", " + minutes + " simulated minutes, " + payees + " payees");
        Random random = new Random(seed);
        Map<String, Long> funded = new HashMap<>();
        long t0 = System.nanoTime();
        try (ProviderSimulatorProcess sim = ProviderSimulatorProcess.start(WORST.formatted(seed));
             Ledger ledger = TestLedger.open(dir.resolve("ledger"));
             // the simulator's clock runs far ahead of the ledger's (wall) clock: breakers cool down in half a second
             SettlementService s = SettlementService.open(ledger, CrashChild.config(dir, sim.port(), new AtomicInteger(), false)
                     .withRouting(new RoutingPolicy(200, 0.5, 40, 50, 0.05, 0.98, 5, 500_000_000L)))) {
            TestLedger.account(ledger, "platform", "EUR");
            for (int i = 0; i < payees; i++) {
                TestLedger.account(ledger, "m" + i, "EUR");
                s.setPayee(new Payee("p" + i, "m" + i, "EUR", "DE", "Payee " + i, "DE-IBAN-" + i,
                        new Schedule(Schedule.Kind.THRESHOLD, 500, 500, 0)));
            }
            for (int minute = 0; minute < minutes; minute++) {
                for (int i = 0; i < payees; i++) {
                    long micro = 1_000_000L + random.nextInt(20_000_000); // 1..21 EUR of micro earnings a minute
                    TestLedger.book(ledger, "platform", "m" + i, micro, "EUR", "earning");
                    funded.merge("m" + i, micro, Long::sum);
                }
                s.runDue("minute " + minute);
                s.tick();
                sim.advance(60);
            }
            for (int round = 0; round < 60 && !SettlementCrashTest.allFinal(s); round++) {
                s.tick();
                sim.advance(120);
                if (!s.payouts(PayoutStatus.HELD).isEmpty()) Thread.sleep(600); // waiting for a breaker's probe
            }
            s.tick();
            assertThat(SettlementCrashTest.allFinal(s)).as("drained: %s", s.payouts(null).stream()
                    .filter(p -> !p.status().isFinal() || p.booked() == null).toList()).isTrue();
            int total = s.payouts(null).size();
            int paid = s.payouts(PayoutStatus.PAID).size();
            SettlementCrashTest.checkBooks(s, ledger, sim.books(), funded);
            var reports = CrashChild.importStatements(s, sim.port());
            long matchedDebits = 0;
            for (var r : reports) matchedDebits += s.lineResults(r.statementId()).stream()
                    .filter(l -> l.result().equals("matched_debit")).count();
            long adjusted = reports.stream().mapToLong(ImportReport::adjusted).sum();
            assertThat(matchedDebits).isEqualTo(paid);
            assertThat(s.exceptions()).as("exceptions").isEmpty();
            System.out.printf("soak: %d payouts, %d paid (%.4f), %d failed, %d statement lines (%d adjusted: the"
                            + " injected rounding), %d exceptions, %.1f s wall%n", total, paid, (double) paid / total, total - paid,
                    reports.stream().mapToInt(ImportReport::lines).sum(), adjusted, s.exceptions().size(),
                    (System.nanoTime() - t0) / 1e9);
            TestLedger.assertConserved(ledger);
        }
    }
}
