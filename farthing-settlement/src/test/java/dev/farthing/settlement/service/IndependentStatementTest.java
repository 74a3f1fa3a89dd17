package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.connector.StatementLine;
import dev.farthing.settlement.connector.iso20022.CamtReader;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.payout.Schedule;
import dev.farthing.settlement.recon.ReconException;
import dev.farthing.settlement.store.SettlementEvent.LineSettled;
import dev.farthing.simulator.provider.FaultyStatements;
import dev.farthing.simulator.provider.FaultyStatements.Expected;
import dev.farthing.simulator.provider.FaultyStatements.Fault;
import dev.farthing.simulator.provider.FaultyStatements.FaultKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation measured on statements this module did not make: the provider simulator's faulty camt.053
 * ({@code FaultyStatements}, written by wt/providers, with its own ground truth of injected faults), read through the
 * ISO 20022 connector's reader. At least 99.5% of the lines that name or uniquely identify a payout are matched on
 * their own, none to the wrong payout, and every exception is one of the injected faults, explained.
 */
class IndependentStatementTest {
    @TempDir
    Path dir;

    @Test
    void theSimulatorsFaultyCamt053IsReconciledWithNoFalseMatch() {
        long seed = Long.getLong("farthing.seed", System.nanoTime() % 100_000);
        System.out.println("IndependentStatementTest seed " + seed + " (-Dfarthing.seed=" + seed + " reproduces)");
        Random random = new Random(seed);
        LocalDate day = LocalDate.of(2026, 1, 5);
        try (Ledger ledger = TestLedger.open(dir.resolve("ledger"))) {
            TestLedger.account(ledger, "platform", "EUR");
            FakeProvider bank = new FakeProvider("bank", seed, 15, 0);
            try (SettlementService s = SettlementService.open(ledger, SettlementConfig.of(dir.resolve("s"),
                    List.<PayoutConnector>of(bank)).withPollAfter(Duration.ZERO))) {
                for (int i = 0; i < 500; i++) {
                    TestLedger.account(ledger, "m" + i, "EUR");
                    TestLedger.book(ledger, "platform", "m" + i, 1_000_000 + random.nextLong(900_000_000), "EUR", "earning");
                    s.setPayee(new Payee("p" + i, "m" + i, "EUR", "DE", "Payee " + i, "DE-" + i, Schedule.daily(100)));
                }
                s.runDue("independent");
                bank.settleAll(day).forEach((k, st) -> s.onProviderStatus(k, st, "webhook"));
                List<Expected> expected = new ArrayList<>();
                for (Payout p : s.payouts(PayoutStatus.PAID)) {
                    expected.add(new Expected(p.id(), p.currency(), p.minorScale(), p.minorAmount(), day, p.feeMinor()));
                }
                FaultyStatements.Result r = FaultyStatements.generate("S-" + seed, Instant.parse("2026-01-06T20:00:00Z"),
                        "DE89370400440532013000", day.plusDays(1), expected, FaultyStatements.Rates.uniform(0.01), seed);
                List<StatementLine> lines = CamtReader.read(r.camt053(), "S-" + seed + ".xml").stream()
                        .map(CamtReader.BankEntry::line).toList();
                var report = s.importStatement("camt-" + seed, "bank", lines);

                Map<String, Fault> faultByLine = new HashMap<>();
                for (Fault f : r.faults()) faultByLine.put(f.entryRef(), f);
                Map<String, String> payoutOfLine = new HashMap<>(); // ground truth: debit line -> payout
                for (StatementLine l : lines) {
                    if (l.endToEndReference() != null) payoutOfLine.put(l.lineId(), l.endToEndReference());
                }
                for (Fault f : r.faults()) if (f.endToEndId() != null && f.entryRef() != null) payoutOfLine.put(f.entryRef(), f.endToEndId());
                int matched = 0;
                for (LineSettled l : s.lineResults("camt-" + seed)) {
                    if (l.result().equals("duplicate")) continue;
                    matched++;
                    assertThat(l.payoutId()).as("line %s", l.lineId()).isEqualTo(payoutOfLine.get(l.lineId()));
                }
                Map<FaultKind, Long> injected = r.faults().stream().collect(Collectors.groupingBy(Fault::kind, Collectors.counting()));
                long unknown = injected.getOrDefault(FaultKind.UNKNOWN_REFERENCE, 0L);
                long duplicates = injected.getOrDefault(FaultKind.DUPLICATE, 0L);
                long matchable = lines.size() - unknown - duplicates;
                List<ReconException> exceptions = s.exceptions();
                System.out.printf("camt.053: %d lines, injected %s; matched %d of %d matchable (%.4f), %d duplicates, "
                                + "exceptions %s%n", lines.size(), injected, matched, matchable, (double) matched / matchable,
                        report.duplicates(), exceptions.stream().collect(Collectors.groupingBy(ReconException::code, Collectors.counting())));
                assertThat(report.duplicates()).isEqualTo(duplicates);
                assertThat((double) matched / matchable).as("auto-matched share").isGreaterThanOrEqualTo(0.995);
                for (ReconException e : exceptions) {
                    assertThat(e.explanation()).isNotBlank();
                    boolean explainedByFault = e.lineId() != null ? faultByLine.containsKey(e.lineId())
                            : r.faults().stream().anyMatch(f -> f.kind() == FaultKind.MISSING && f.endToEndId().equals(e.payoutId()));
                    assertThat(explainedByFault).as("exception %s is an injected fault", e).isTrue();
                }
                assertThat(exceptions.stream().filter(e -> e.code().equals(ReconException.UNKNOWN_REFERENCE)).count())
                        .isEqualTo(unknown);
                TestLedger.assertConserved(ledger);
            }
        }
    }
}
