package dev.farthing.settlement.connector.iso20022;

import dev.farthing.simulator.provider.CamtWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files that must never be believed: entity tricks, schema violations, amounts finer than the currency. */
class HostileInboxTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    private static final Instant NOW = Instant.parse("2026-01-05T18:00:00Z");

    @TempDir
    Path dir;

    private static String validStatement(String amount) {
        byte[] xml = CamtWriter.statement("S1", NOW, BankFixture.DEBTOR.iban(), Map.of(), List.of(new CamtWriter.Entry(
                "E1", "BNK-1", CamtWriter.EntryKind.PAYOUT, "EUR", 2, 12_345, DAY, DAY, "po-1", null, null, "payout")));
        return new String(xml, StandardCharsets.UTF_8).replace(">123.45<", ">" + amount + "<");
    }

    @Test
    void refusesEveryHostileOrInvalidFileAndKeepsTheGoodOne() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "po-secret");
        String valid = validStatement("123.45");
        String body = valid.substring(valid.indexOf("<Document"));
        Map<String, String> hostile = Map.of(
                "xxe.xml", "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                        + body.replace("po-1", "&x;"),
                "laughs.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>" + body.replace("po-1", "&c;"),
                "external-dtd.xml", "<?xml version=\"1.0\"?><!DOCTYPE Document SYSTEM \"" + secret.toUri() + "\">" + body,
                "schema-invalid.xml", valid.replace("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>MAYBE</CdtDbtInd>"),
                "too-fine.xml", validStatement("123.456"),
                "other-message.xml", "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.052.001.12\"/>",
                "not-xml.xml", "this is not a statement");
        Files.createDirectories(dir.resolve("inbox"));
        for (Map.Entry<String, String> f : hostile.entrySet()) {
            Files.writeString(dir.resolve("inbox").resolve(f.getKey()), f.getValue());
        }
        Files.writeString(dir.resolve("inbox/good.xml"), valid);
        Iso20022BankConnector c = new BankFixture(dir).open();
        assertThat(c.statement(DAY, DAY)).singleElement().satisfies(l -> {
            assertThat(l.endToEndReference()).isEqualTo("po-1");
            assertThat(l.amountMinor()).isEqualTo(12_345);
        });
        assertThat(c.rejectedFiles()).isEqualTo(hostile.size());
        for (String name : hostile.keySet()) {
            assertThat(dir.resolve("inbox/rejected").resolve(name)).exists();
            assertThat(Files.readString(dir.resolve("inbox/rejected").resolve(name + ".error.txt"))).isNotBlank();
        }
        assertThat(Files.readString(dir.resolve("inbox/rejected/xxe.xml.error.txt"))).containsIgnoringCase("DOCTYPE");
        assertThat(dir.resolve("inbox/processed/good.xml")).exists();
    }

    @Test
    void theSameFileNameTwiceIsRefusedTheSecondTime() throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(dir.resolve("inbox/s.xml"), validStatement("123.45"));
        Iso20022BankConnector c = new BankFixture(dir).open();
        assertThat(c.statement(DAY, DAY)).hasSize(1);
        Files.writeString(dir.resolve("inbox/s.xml"), validStatement("999.99"));
        assertThat(c.statement(DAY, DAY)).hasSize(1);
        assertThat(c.rejectedFiles()).isEqualTo(1);
    }

    @Test
    void theWriterRefusesToProduceAnInvalidPain001() {
        assertThatThrownBy(() -> Pain001Writer.write("M".repeat(36), NOW, DAY, BankFixture.DEBTOR,
                List.of(BankFixture.eur("po-1", 100)))).isInstanceOf(InvalidIso20022File.class).hasMessageContaining("pain.001.001.12");
    }
}
