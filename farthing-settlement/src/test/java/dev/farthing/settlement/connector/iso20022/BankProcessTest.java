package dev.farthing.settlement.connector.iso20022;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.connector.StatementLine;
import dev.farthing.settlement.connector.http.ProviderSimulatorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator process playing the bank behind the ISO 20022 files, driven through its control API. */
class BankProcessTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    @TempDir
    Path dir;

    @Test
    void theSimulatorProcessBooksThePain001AndAnswersWithCamtFiles() throws Exception {
        BankFixture fixture = new BankFixture(dir);
        String config = "{\"seed\":3,\"manualClock\":true,\"start\":\"2026-01-05T17:00:00Z\",\"providers\":[{\"id\":\"unused\"}],"
                + "\"bank\":{\"outbox\":\"" + dir.resolve("outbox") + "\",\"inbox\":\"" + dir.resolve("inbox") + "\","
                + "\"accountIban\":\"" + BankFixture.DEBTOR.iban() + "\",\"returnRate\":0,"
                + "\"corridors\":[{\"currency\":\"EUR\",\"country\":\"DE\",\"fixedFeeMinor\":15,\"basisPoints\":0}]}}";
        try (ProviderSimulatorProcess sim = ProviderSimulatorProcess.start(config);
             Iso20022BankConnector c = fixture.open()) {
            c.submit(BankFixture.eur("po-1", 2_500));
            c.submit(BankFixture.eur("po-2", 4_000));
            assertThat(c.releaseBatches(MONDAY)).hasSize(1);
            assertThat(sim.bankCollect(MONDAY)).isEqualTo(2);
            assertThat(c.status("po-1:sepa-bank:1")).isInstanceOfSatisfying(ProviderStatus.Paid.class, p -> {
                assertThat(p.amountMinor()).isEqualTo(2_500);
                assertThat(p.feeMinor()).isEqualTo(15);
            });
            sim.bankStatement(MONDAY);
            List<StatementLine> lines = c.statement(MONDAY, MONDAY);
            assertThat(lines).extracting(StatementLine::kind).containsExactly(StatementLine.Kind.PAYOUT_DEBIT,
                    StatementLine.Kind.FEE, StatementLine.Kind.PAYOUT_DEBIT, StatementLine.Kind.FEE);
            JsonNode bank = sim.books().get("bank");
            assertThat(bank).hasSize(4);
            long booked = 0;
            for (JsonNode e : bank) {
                booked += e.get("amountMinor").asLong();
            }
            assertThat(lines.stream().mapToLong(StatementLine::amountMinor).sum()).as("the bank's books and ours agree")
                    .isEqualTo(booked).isEqualTo(2_500 + 4_000 + 15 + 15);
        }
    }
}
