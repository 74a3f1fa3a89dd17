package dev.farthing.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.farthing.disputes.calendar.Jurisdiction;
import dev.farthing.disputes.config.DisputeConfig;
import dev.farthing.disputes.model.DisputeState;
import dev.farthing.disputes.model.Tier;
import dev.farthing.disputes.service.DisputeOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispute rules as a versioned data file: the shipped defaults, a file that replaces them, each refusal. */
class DisputeConfigTest {
    static String shippedText() throws Exception {
        return DisputeConfig.shippedText();
    }

    @Test
    void theShippedFileHoldsTheDocumentedDefaults() {
        DisputeConfig c = DisputeConfig.shipped();
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.chargebackFee()).containsEntry("USD", 150_000L).containsEntry("EUR", 150_000L);
        Jurisdiction us = c.jurisdictions().of("USD");
        assertThat(us.name()).isEqualTo("us_reg_e");
        assertThat(us.calendar().zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(us.calendar().businessDay(LocalDate.parse("2026-11-26"))).as("Thanksgiving").isFalse();
        assertThat(us.days()).containsEntry(DisputeState.EVIDENCE, 10).containsEntry(DisputeState.OPEN, 1);
        assertThat(us.tierDays()).containsEntry(Tier.L3, 20);
        assertThat(us.provisionalCredit()).isTrue();
        assertThat(us.underAutoLimit("USD", 50_000_000L)).isTrue();
        assertThat(us.underAutoLimit("USD", 50_000_001L)).isFalse();
        Jurisdiction eu = c.jurisdictions().of("EUR");
        assertThat(eu.name()).isEqualTo("eu");
        assertThat(eu.days()).containsEntry(DisputeState.EVIDENCE, 7);
        assertThat(eu.provisionalCredit()).isFalse();
        Jurisdiction rest = c.jurisdictions().of("GBP");
        assertThat(rest.name()).isEqualTo("default");
        assertThat(rest.calendar().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(rest.underAutoLimit("GBP", 1)).as("a currency without a limit is never decided alone").isFalse();
        assertThat(DisputeOptions.defaults().chargebackFee()).isEqualTo(c.chargebackFee());
    }

    @Test
    void aFileInTheDataDirectoryReplacesTheShippedRules(@TempDir Path dir) throws Exception {
        String text = shippedText().replace("\"evidence\": 10", "\"evidence\": 12").replace("\"USD\": 150000", "\"USD\": 90000")
                .replace("\"currencies\": [\"EUR\"]", "\"currencies\": [\"EUR\", \"CHF\"]");
        Path file = dir.resolve("disputes-config.json");
        Files.writeString(file, text);
        DisputeConfig c = DisputeConfig.loadOrShipped(file);
        assertThat(c.jurisdictions().of("USD").days()).containsEntry(DisputeState.EVIDENCE, 12);
        assertThat(c.chargebackFee()).containsEntry("USD", 90_000L);
        assertThat(c.jurisdictions().of("CHF").name()).isEqualTo("eu");
        assertThat(DisputeConfig.loadOrShipped(dir.resolve("absent.json")).chargebackFee()).containsEntry("USD", 150_000L);
    }

    @Test
    void eachBadFileIsRefusedNamingTheField() throws Exception {
        String ok = shippedText();
        String[][] cases = {
                {"\"version\": 1", "\"version\": 2", "version 2 is not supported"},
                {"\"format\": \"farthing-disputes-config\"", "\"format\": \"other\"", "format must be"},
                {"\"USD\": 150000", "\"USD\": 150000.5", "chargeback_fee.USD must be a positive integer"},
                {"\"USD\": 150000", "\"USD\": -1", "chargeback_fee.USD must be a positive integer"},
                {"\"EUR\": 150000}", "\"EUR\": 150000, \"usd\": 5}", "chargeback_fee must hold currency codes"},
                {"\"zone\": \"Europe/Berlin\"", "\"zone\": \"Europe/Atlantis\"", "jurisdictions[1].zone is not a time zone"},
                {"\"evidence\": 10", "\"evidence\": 0", "jurisdictions[0].days.evidence must be a positive integer"},
                {"\"evidence\": 10", "\"evidence\": 400", "must be 1..366 business days"},
                {"\"tier_days\": {\"l1\": 2, \"l2\": 5, \"l3\": 20}", "\"tier_days\": {\"l1\": 2, \"l2\": 5}",
                        "jurisdictions[0].tier_days.l3 is required"},
                {"\"provisional_credit\": true", "\"provisional_credit\": true, \"grace\": 3", "jurisdictions[0].grace is not a known field"},
                {"\"provisional_credit\": true", "\"provisional_credit\": \"yes\"", "provisional_credit must be true or false"},
                {"\"currencies\": [\"EUR\"]", "\"currencies\": [\"USD\"]", "USD is in us_reg_e already"},
                {"\"currencies\": [\"EUR\"]", "\"currencies\": []", "exactly one jurisdiction names no currencies"},
                {"\"name\": \"default\",\n      \"currencies\": []", "\"name\": \"default\",\n      \"currencies\": [\"GBP\"]",
                        "need one jurisdiction with no currencies"},
                {"\"2026-11-26\"", "\"2026-11-31\"", "jurisdictions[0].holidays holds \"2026-11-31\", not a date"},
                {"\"name\": \"eu\"", "\"name\": \"us_reg_e\"", "\"us_reg_e\" is named twice"},
        };
        for (String[] c : cases) {
            assertThat(ok).as("the case's anchor is in the shipped file: " + c[0]).contains(c[0]);
            byte[] bad = ok.replaceFirst(java.util.regex.Pattern.quote(c[0]), java.util.regex.Matcher.quoteReplacement(c[1]))
                    .getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> DisputeConfig.parse(bad, "test.json")).as(c[2])
                    .isInstanceOf(DisputeConfig.InvalidConfig.class).hasMessageStartingWith("test.json: ").hasMessageContaining(c[2]);
        }
        assertThatThrownBy(() -> DisputeConfig.parse("{not json".getBytes(StandardCharsets.UTF_8), "x.json"))
                .hasMessageStartingWith("x.json: is not JSON");
    }
}
