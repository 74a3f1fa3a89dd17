package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.connector.iso20022.BankAccount;
import dev.farthing.settlement.connector.iso20022.Iso20022BankConfig;
import dev.farthing.settlement.connector.iso20022.Iso20022BankConnector;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.payout.Schedule;
import dev.farthing.simulator.provider.BankSimulator;
import dev.farthing.simulator.provider.SimConfig.CorridorFee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payout run through the ISO 20022 bank connector releases the day's pain.001 (the cut-off's work is part of the
 * run), the bank collects it and answers with a camt.054, and polling books each payout paid with its fee.
 */
class BankPayoutRunTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    @TempDir
    Path dir;

    @Test
    void aPayoutRunReleasesTheBankFileAndTheBanksAnswerPaysEachPayoutOnce() throws Exception {
        Ledger ledger = TestLedger.open(dir.resolve("ledger"));
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
        BankAccount debtor = new BankAccount("Farthing Payouts Ltd", "DE89370400440532013000", "COBADEFFXXX");
        Path outbox = dir.resolve("outbox");
        Path inbox = dir.resolve("inbox");
        Iso20022BankConnector bank = new Iso20022BankConnector(new Iso20022BankConfig("sepa-bank", outbox, inbox,
                dir.resolve("bank-state"), debtor, Set.of("EUR"), LocalTime.of(15, 0), now::get));
        BankSimulator theBank = new BankSimulator(new BankSimulator.Knobs(debtor.iban(),
                List.of(new CorridorFee("EUR", "DE", 20, 10)), 0.0, 0), 5);
        try (SettlementService s = SettlementService.open(ledger, SettlementConfig.of(dir.resolve("s"),
                List.<PayoutConnector>of(bank)).withPollAfter(Duration.ZERO))) {
            TestLedger.account(ledger, "platform", "EUR");
            for (int i = 1; i <= 3; i++) {
                TestLedger.account(ledger, "m" + i, "EUR");
                TestLedger.book(ledger, "platform", "m" + i, 12_340_000L * i, "EUR", "earning");
                s.setPayee(new Payee("p" + i, "m" + i, "EUR", "DE", "Creator " + i, "DE02120300000000202051",
                        new Schedule(Schedule.Kind.DAILY, 0, 100, 0)));
            }
            BatchView run = s.runDue("cli");
            assertThat(run.payouts()).hasSize(3).allSatisfy(p -> assertThat(p.status()).isEqualTo(PayoutStatus.SUBMITTED));
            assertThat(run.releasedFiles()).containsExactly("sepa-bank/FTH-sepabank-20260105-1.xml");
            String pain = Files.readString(outbox.resolve("FTH-sepabank-20260105-1.xml"), StandardCharsets.UTF_8);
            for (Payout p : run.payouts()) assertThat(pain).contains("<EndToEndId>" + p.id() + "</EndToEndId>");
            assertThat(s.runDue("cli again").releasedFiles()).as("nothing new staged, nothing released").isEmpty();

            assertThat(theBank.collect(outbox, inbox, MONDAY, Instant.parse("2026-01-05T18:00:00Z"))).isEqualTo(3);
            s.tick(); // polls the connector, which reads the bank's camt.054
            for (Payout p : run.payouts()) {
                Payout paid = s.payout(p.id());
                assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
                assertThat(paid.booked()).isEqualTo("paid");
                assertThat(paid.feeMinor()).isEqualTo(20 + (p.minorAmount() * 10 + 5_000) / 10_000);
            }
            for (int i = 1; i <= 3; i++) assertThat(TestLedger.balance(ledger, "m" + i)).isZero();
            assertThat(theBank.booked().stream().filter(e -> e.kind() == dev.farthing.simulator.provider.CamtWriter.EntryKind.PAYOUT).count())
                    .as("each payout booked once by the bank").isEqualTo(3);
            TestLedger.assertConserved(ledger);
        } finally {
            ledger.close();
        }
    }
}
