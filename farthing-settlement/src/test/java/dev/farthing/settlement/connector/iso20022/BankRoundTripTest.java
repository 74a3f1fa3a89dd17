package dev.farthing.settlement.connector.iso20022;

import dev.farthing.settlement.connector.PayoutInstruction;
import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.connector.StatementLine;
import dev.farthing.settlement.connector.SubmitOutcome;
import dev.farthing.simulator.provider.BankSimulator;
import dev.farthing.simulator.provider.CamtWriter;
import dev.farthing.simulator.provider.SimConfig.CorridorFee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * pain.001 out, camt.054 and camt.053 back, through a simulated bank that books fees per corridor and returns some
 * transfers: every payout's status follows from the bank's files, the statement carries every booked entry, and a
 * restarted connector reads the same from the files it already processed.
 */
class BankRoundTripTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    @TempDir
    Path dir;

    @Test
    void statusAndStatementFollowFromTheBanksFiles() {
        long seed = Long.getLong("farthing.seed", System.nanoTime() % 100_000);
        System.out.println("BankRoundTripTest seed=" + seed + " (-Dfarthing.seed=" + seed + " to reproduce)");
        Random random = new Random(seed);
        BankFixture fixture = new BankFixture(dir);
        Iso20022BankConnector c = fixture.open();
        BankSimulator bank = new BankSimulator(new BankSimulator.Knobs(BankFixture.DEBTOR.iban(),
                List.of(new CorridorFee("EUR", "DE", 20, 10), new CorridorFee("GBP", "GB", 0, 0)), 0.15, 0), seed);
        int n = 60;
        Map<String, PayoutInstruction> sent = new HashMap<>();
        for (int i = 0; i < n; i++) {
            boolean gbp = random.nextInt(4) == 0;
            PayoutInstruction p = gbp
                    ? new PayoutInstruction("po-" + i + ":sepa-bank:1", "po-" + i, "payee-" + i, "GBP", 2,
                    1 + random.nextInt(50_000), "GB", "Payee " + i, "GB33BUKB20201555555555")
                    : BankFixture.eur("po-" + i, 1 + random.nextInt(50_000));
            assertThat(c.submit(p)).isInstanceOf(SubmitOutcome.Accepted.class);
            sent.put(p.idempotencyKey(), p);
        }
        assertThat(c.releaseBatches(MONDAY)).hasSize(1);
        Instant evening = Instant.parse("2026-01-05T18:00:00Z");
        assertThat(bank.collect(dir.resolve("outbox"), dir.resolve("inbox"), MONDAY, evening)).isEqualTo(n);
        assertThat(c.uncollected()).isEmpty();

        Map<String, Long> feeByPayout = new HashMap<>();
        Map<String, Boolean> returned = new HashMap<>();
        for (CamtWriter.Entry e : bank.booked()) {
            switch (e.kind()) {
                case FEE -> feeByPayout.merge(e.endToEndId(), e.amountMinor(), Long::sum);
                case RETURN -> returned.put(e.endToEndId(), true);
                case PAYOUT -> { }
            }
        }
        assertThat(returned).as("seed %d returned some", seed).isNotEmpty();
        for (PayoutInstruction p : sent.values()) {
            ProviderStatus s = c.status(p.idempotencyKey());
            if (returned.containsKey(p.payoutId())) {
                assertThat(s).isInstanceOf(ProviderStatus.Failed.class);
                assertThat(((ProviderStatus.Failed) s).reason()).contains("AC04");
            } else {
                assertThat(s).isInstanceOf(ProviderStatus.Paid.class);
                ProviderStatus.Paid paid = (ProviderStatus.Paid) s;
                assertThat(paid.amountMinor()).isEqualTo(p.amountMinor());
                assertThat(paid.feeMinor()).isEqualTo(feeByPayout.getOrDefault(p.payoutId(), 0L));
                assertThat(paid.valueDate()).isEqualTo(MONDAY);
                if (p.currency().equals("EUR")) {
                    assertThat(paid.feeMinor()).isEqualTo(20 + (p.amountMinor() * 10 + 5_000) / 10_000);
                }
            }
        }
        assertThat(c.notifications(MONDAY, MONDAY)).hasSize(bank.booked().size());
        assertThat(c.statement(MONDAY, MONDAY)).as("no camt.053 yet").isEmpty();

        bank.statement(dir.resolve("inbox"), MONDAY, evening);
        List<StatementLine> statement = c.statement(MONDAY, MONDAY);
        assertThat(statement).hasSize(bank.booked().size());
        long debits = statement.stream().filter(l -> l.kind() == StatementLine.Kind.PAYOUT_DEBIT).count();
        assertThat(debits).isEqualTo(n);
        assertThat(statement).allSatisfy(l -> assertThat(l.endToEndReference()).startsWith("po-"));
        assertThat(c.statement(MONDAY.plusDays(1), MONDAY.plusDays(3))).isEmpty();
        assertThat(c.rejectedFiles()).isZero();

        // A restart reads the processed files again: same answers, no file read twice.
        Map<String, ProviderStatus> before = new HashMap<>();
        sent.keySet().forEach(k -> before.put(k, c.status(k)));
        assertThatThrownBy(fixture::open).as("one connector per state directory").hasMessageContaining("in use");
        c.close();
        try (Iso20022BankConnector restarted = fixture.open()) {
            for (PayoutInstruction p : sent.values()) {
                assertThat(restarted.status(p.idempotencyKey())).isEqualTo(before.get(p.idempotencyKey()));
            }
            assertThat(restarted.statement(MONDAY, MONDAY)).isEqualTo(statement);
        }
    }
}
