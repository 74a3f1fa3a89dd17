package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.connector.StatementLine;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.payout.Schedule;
import dev.farthing.settlement.recon.ReconException;
import dev.farthing.settlement.store.SettlementEvent.LineSettled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements with injected faults (missing lines, duplicates, amounts off by rounding, lost and unknown references,
 * value dates late within and beyond tolerance): at least 99.5% of the lines that can be matched are matched on
 * their own, none is matched to the wrong payout, and every other line is an explained exception of the right kind.
 * Seeded: {@code -Dfarthing.seed=N}.
 */
class ReconciliationFaultsTest {
    /** Calls in the order they are sent, as they were on the writer: the seed reproduces the figures. */
    private static final ProviderCallLimits ONE_AT_A_TIME = new ProviderCallLimits(1, 1, Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10));

    @TempDir
    Path dir;

    @Test
    void faultyStatementsAreMatchedOnTheirOwnWithNoFalseMatchAndEveryExceptionExplained() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("ReconciliationFaultsTest seed " + seed + " (-Dfarthing.seed=" + seed + " reproduces)");
        Random random = new Random(seed);
        int payees = 600;
        try (Ledger ledger = TestLedger.open(dir.resolve("ledger"))) {
            TestLedger.account(ledger, "platform", "EUR");
            FakeProvider a = new FakeProvider("alpha", seed, 20, 25);
            FakeProvider b = new FakeProvider("beta", seed + 1, 5, 60);
            try (SettlementService service = SettlementService.open(ledger, SettlementConfig.of(dir.resolve("s"),
                    List.<PayoutConnector>of(a, b)).withPollAfter(Duration.ZERO)
                    .withCalls(ONE_AT_A_TIME))) {
                for (int i = 0; i < payees; i++) {
                    TestLedger.account(ledger, "m" + i, "EUR");
                    TestLedger.book(ledger, "platform", "m" + i, 1_000_000 + random.nextLong(500_000_000), "EUR", "earning");
                    service.setPayee(new Payee("p" + i, "m" + i, "EUR", i % 2 == 0 ? "DE" : "FR", "Payee " + i, "IBAN" + i,
                            Schedule.daily(100)));
                }
                List<Payout> batch = service.runDue("recon").payouts();
                assertThat(batch).hasSize(payees);
                LocalDate day = LocalDate.of(2026, 1, 5);
                // settle on five consecutive days so missing lines of the early days are noticed
                for (int d = 0; d < 5; d++) {
                    for (FakeProvider p : List.of(a, b)) {
                        var statuses = d == 4 ? p.settleAll(day.plusDays(d)) : p.settle(day.plusDays(d), payees / 10);
                        statuses.forEach((k, s) -> service.onProviderStatus(k, s, "webhook"));
                    }
                }
                assertThat(service.payouts(PayoutStatus.PAID)).hasSize(payees);

                Map<String, Integer> injected = new HashMap<>();
                int matchable = 0;
                Map<String, String> truth = new HashMap<>(); // lineId -> payout id it really is
                for (FakeProvider p : List.of(a, b)) {
                    List<StatementLine> clean = p.statement(day, day.plusDays(30));
                    List<StatementLine> faulty = new ArrayList<>();
                    for (StatementLine l : clean) {
                        truth.put(l.lineId(), l.endToEndReference());
                        double r = random.nextDouble();
                        boolean early = !l.valueDate().isAfter(day.plusDays(1)); // surely due on a statement through day 4
                        if (r < 0.01 && early && l.kind() == StatementLine.Kind.PAYOUT_DEBIT) {
                            injected.merge("missing", 1, Integer::sum); // dropped: the payout is paid but not shown
                            continue;
                        }
                        if (l.kind() == StatementLine.Kind.PAYOUT_DEBIT && r < 0.03) {
                            l = with(l, l.amountMinor() + (random.nextBoolean() ? 1 : -1), l.valueDate(), l.endToEndReference());
                            injected.merge("rounding", 1, Integer::sum);
                        } else if (l.kind() == StatementLine.Kind.PAYOUT_DEBIT && r < 0.05) {
                            l = with(l, l.amountMinor(), l.valueDate().plusDays(2), l.endToEndReference());
                            injected.merge("late_within", 1, Integer::sum);
                        } else if (l.kind() == StatementLine.Kind.PAYOUT_DEBIT && r < 0.055) {
                            l = with(l, l.amountMinor(), l.valueDate().plusDays(10), l.endToEndReference());
                            injected.merge("late_beyond", 1, Integer::sum);
                            matchable--;
                        } else if (r < 0.065) {
                            l = with(l, l.amountMinor(), l.valueDate(), null); // our reference lost; theirs kept
                            injected.merge("lost_reference", 1, Integer::sum);
                        }
                        matchable++;
                        faulty.add(l);
                        if (random.nextDouble() < 0.01) {
                            faulty.add(l);
                            injected.merge("duplicate", 1, Integer::sum);
                        }
                    }
                    for (int u = 0; u < 3; u++) {
                        faulty.add(new StatementLine("U-" + p.providerId() + u, "po-ghost-" + u, null,
                                StatementLine.Kind.PAYOUT_DEBIT, "EUR", 1234, day, "unknown"));
                        injected.merge("unknown", 1, Integer::sum);
                    }
                    java.util.Collections.shuffle(faulty.subList(0, faulty.size()), random); // order is not promised
                    int repeats = (int) (faulty.size() - faulty.stream().map(StatementLine::lineId).distinct().count());
                    var report = service.importStatement("st-" + p.providerId(), p.providerId(), faulty);
                    System.out.printf("%s: %d lines, %d matched (%d adjusted), %d duplicates, %d exceptions%n",
                            p.providerId(), report.lines(), report.matched(), report.adjusted(), report.duplicates(),
                            report.exceptions().size());
                    assertThat(report.duplicates()).isEqualTo(repeats);
                }
                int matched = 0;
                for (FakeProvider p : List.of(a, b)) {
                    for (LineSettled s : service.lineResults("st-" + p.providerId())) {
                        if (s.result().equals("duplicate")) continue;
                        matched++;
                        assertThat(s.payoutId()).as("line %s matched to the payout it is", s.lineId())
                                .isEqualTo(truth.get(s.lineId()));
                    }
                }
                List<ReconException> exceptions = service.exceptions();
                Map<String, Long> byCode = exceptions.stream().collect(Collectors.groupingBy(ReconException::code, Collectors.counting()));
                System.out.println("injected " + injected + "; exceptions " + byCode + "; matched " + matched + " of "
                        + matchable + " matchable");
                assertThat(exceptions).allSatisfy(e -> assertThat(e.explanation()).isNotBlank());
                assertThat(byCode.getOrDefault(ReconException.UNKNOWN_REFERENCE, 0L)).isEqualTo(injected.get("unknown").longValue());
                assertThat(byCode.getOrDefault(ReconException.VALUE_DATE_OUT_OF_RANGE, 0L))
                        .isEqualTo(injected.getOrDefault("late_beyond", 0).longValue());
                assertThat(byCode.getOrDefault(ReconException.MISSING_STATEMENT_LINE, 0L))
                        .isEqualTo(injected.getOrDefault("missing", 0).longValue());
                assertThat(byCode.keySet()).isSubsetOf(ReconException.UNKNOWN_REFERENCE,
                        ReconException.VALUE_DATE_OUT_OF_RANGE, ReconException.MISSING_STATEMENT_LINE,
                        ReconException.STATUS_CONFLICT);
                assertThat((double) matched / matchable).as("auto-matched share").isGreaterThanOrEqualTo(0.995);
                TestLedger.assertConserved(ledger);
            }
        }
    }

    private static StatementLine with(StatementLine l, long amount, LocalDate date, String e2e) {
        return new StatementLine(l.lineId(), e2e, l.providerReference(), l.kind(), l.currency(), amount, date, l.description());
    }
}
