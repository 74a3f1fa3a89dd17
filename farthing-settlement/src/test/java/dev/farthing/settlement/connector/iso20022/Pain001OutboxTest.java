package dev.farthing.settlement.connector.iso20022;

import dev.farthing.settlement.connector.PayoutInstruction;
import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.connector.SubmitOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class Pain001OutboxTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    @TempDir
    Path dir;

    @Test
    void oneSchemaValidPain001PerExecutionDateWithKeysAsInstrIdAndPayoutIdsAsEndToEndId() throws Exception {
        BankFixture bank = new BankFixture(dir);
        Iso20022BankConnector c = bank.open();
        assertThat(c.submit(BankFixture.eur("po-1", 12_345))).isEqualTo(new SubmitOutcome.Accepted("po-1:sepa-bank:1"));
        assertThat(c.submit(BankFixture.eur("po-2", 1))).isInstanceOf(SubmitOutcome.Accepted.class);
        assertThat(c.submit(new PayoutInstruction("po-3:sepa-bank:1", "po-3", "payee-3", "JPY", 0, 5_000, "JP",
                "Kenji", "JP-ACCOUNT-42"))).isInstanceOf(SubmitOutcome.Accepted.class);
        // After the cut-off, a payout executes the next bank day: it is not in today's batch.
        bank.now.set(Instant.parse("2026-01-05T16:00:00Z"));
        assertThat(c.submit(BankFixture.eur("po-4", 700))).isInstanceOf(SubmitOutcome.Accepted.class);
        assertThat(c.status("po-1:sepa-bank:1")).isEqualTo(new ProviderStatus.Pending("po-1:sepa-bank:1"));

        List<Path> files = c.releaseBatches(MONDAY);
        assertThat(files).hasSize(1);
        assertThat(c.releaseBatches(MONDAY)).as("nothing left to release").isEmpty();
        byte[] xml = Files.readAllBytes(files.getFirst());
        SecureXml.Parsed parsed = SecureXml.parseAndValidate(xml, "outbox file");
        assertThat(parsed.message()).isEqualTo(Iso20022Message.PAIN_001);
        Element initn = CamtReader.child(parsed.document().getDocumentElement(), "CstmrCdtTrfInitn");
        Element grpHdr = CamtReader.child(initn, "GrpHdr");
        assertThat(CamtReader.text(CamtReader.child(grpHdr, "NbOfTxs"))).isEqualTo("3");
        assertThat(CamtReader.text(CamtReader.child(grpHdr, "MsgId"))).isEqualTo("FTH-sepabank-20260105-1");
        List<String> seen = new ArrayList<>();
        for (Element pmtInf : CamtReader.children(initn, "PmtInf")) {
            assertThat(CamtReader.text(CamtReader.child(CamtReader.child(pmtInf, "ReqdExctnDt"), "Dt"))).isEqualTo("2026-01-05");
            for (Element tx : CamtReader.children(pmtInf, "CdtTrfTxInf")) {
                Element pmtId = CamtReader.child(tx, "PmtId");
                Element amt = CamtReader.child(CamtReader.child(tx, "Amt"), "InstdAmt");
                seen.add(CamtReader.text(CamtReader.child(pmtId, "InstrId")) + "|" + CamtReader.text(CamtReader.child(pmtId, "EndToEndId"))
                        + "|" + amt.getAttribute("Ccy") + " " + amt.getTextContent());
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("po-1:sepa-bank:1|po-1|EUR 123.45", "po-2:sepa-bank:1|po-2|EUR 0.01",
                "po-3:sepa-bank:1|po-3|JPY 5000");
        assertThat(c.status("po-1:sepa-bank:1")).isEqualTo(new ProviderStatus.Pending("FTH-sepabank-20260105-1/po-1:sepa-bank:1"));
        // Tuesday's batch holds the late one.
        List<Path> tuesday = c.releaseBatches(MONDAY.plusDays(1));
        assertThat(tuesday).hasSize(1);
        assertThat(new String(Files.readAllBytes(tuesday.getFirst()))).contains("po-4").contains("<Dt>2026-01-06</Dt>");
        try (Stream<Path> s = Files.list(dir.resolve("outbox"))) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary files left behind")
                    .containsExactlyInAnyOrder("FTH-sepabank-20260105-1.xml", "FTH-sepabank-20260106-1.xml");
        }
    }

    @Test
    void aResubmitIsTheSamePayoutAndAReusedKeyForAnotherIsRefused() {
        Iso20022BankConnector c = new BankFixture(dir).open();
        PayoutInstruction p = BankFixture.eur("po-1", 100);
        assertThat(c.submit(p)).isEqualTo(c.submit(p));
        SubmitOutcome conflict = c.submit(BankFixture.eur("po-1", 101));
        assertThat(conflict).isInstanceOf(SubmitOutcome.Refused.class);
        assertThat(((SubmitOutcome.Refused) conflict).retryable()).isFalse();
        assertThat(c.releaseBatches(MONDAY)).hasSize(1);
        assertThat(c.submit(p)).as("still the same payout after release").isEqualTo(new SubmitOutcome.Accepted(p.idempotencyKey()));
        assertThat(c.releaseBatches(MONDAY)).as("and not released twice").isEmpty();
    }

    @Test
    void refusesWhatABankFileCannotCarryAndWhatThisBankDoesNotPay() {
        Iso20022BankConnector c = new BankFixture(dir).open();
        SubmitOutcome usd = c.submit(new PayoutInstruction("k-usd", "po-usd", "payee", "USD", 2, 100, "US", "A", "US-1"));
        assertThat(((SubmitOutcome.Refused) usd).retryable()).as("another provider may pay USD").isTrue();
        List<PayoutInstruction> bad = List.of(
                new PayoutInstruction("k".repeat(36), "po-x", "payee", "EUR", 2, 100, "DE", "A", "DE02120300000000202051"),
                new PayoutInstruction("k-2", "p".repeat(36), "payee", "EUR", 2, 100, "DE", "A", "DE02120300000000202051"),
                new PayoutInstruction("k-3", "po-3", "payee", "JPY", 2, 100, "JP", "A", "JP-1"),
                new PayoutInstruction("k-4", "po-4", "payee", "EUR", 2, 100, "de", "A", "DE02120300000000202051"),
                new PayoutInstruction("k-5", "po-5", "payee", "EUR", 2, 100, "DE", "A", "X".repeat(35)),
                new PayoutInstruction("k-6", "po-6", "payee", "EUR", 2, Long.MAX_VALUE, "DE", "A", "DE02120300000000202051"));
        for (PayoutInstruction p : bad) {
            SubmitOutcome out = c.submit(p);
            assertThat(out).as(p.toString()).isInstanceOf(SubmitOutcome.Refused.class);
            assertThat(((SubmitOutcome.Refused) out).retryable()).isFalse();
            assertThat(c.status(p.idempotencyKey())).isEqualTo(new ProviderStatus.NotFound());
        }
        assertThat(c.releaseBatches(MONDAY)).isEmpty();
    }

    @Test
    void cancelsOnlyWhatIsNotYetInAFile() {
        Iso20022BankConnector c = new BankFixture(dir).open();
        c.submit(BankFixture.eur("po-1", 100));
        c.submit(BankFixture.eur("po-2", 200));
        assertThat(c.cancel("po-1:sepa-bank:1")).isTrue();
        assertThat(c.status("po-1:sepa-bank:1")).isEqualTo(new ProviderStatus.Failed("po-1:sepa-bank:1", "cancelled before release"));
        List<Path> files = c.releaseBatches(MONDAY);
        assertThat(files).hasSize(1);
        assertThat(c.cancel("po-2:sepa-bank:1")).as("the bank has the file").isFalse();
        assertThat(c.cancel("never")).isFalse();
        c.close();
        assertThat(new BankFixture(dir).open().status("po-1:sepa-bank:1")).as("a cancel survives a restart")
                .isInstanceOf(ProviderStatus.Failed.class);
    }

    @Test
    void aBatchRecordedButNotWrittenBeforeACrashIsWrittenOnRestartWithTheSameMsgIdAndContent() throws Exception {
        BankFixture bank = new BankFixture(dir);
        Iso20022BankConnector c = bank.open();
        c.submit(BankFixture.eur("po-1", 100));
        c.submit(BankFixture.eur("po-2", 200));
        Path file = c.releaseBatches(MONDAY).getFirst();
        byte[] original = Files.readAllBytes(file);
        // Undo the last two steps as a crash right after recording the batch would have left them.
        Files.delete(file);
        Files.delete(dir.resolve("state/batches/FTH-sepabank-20260105-1.written"));
        c.close();
        bank.now.set(Instant.parse("2026-01-05T11:00:00Z"));
        Iso20022BankConnector restarted = bank.open();
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
        assertThat(restarted.releaseBatches(MONDAY)).as("the payouts are not put in a second batch").isEmpty();
        assertThat(restarted.uncollected()).containsExactly(file);
    }
}
