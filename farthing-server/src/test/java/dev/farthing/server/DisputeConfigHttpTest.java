package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.disputes.config.DisputeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DATA/disputes-config.json replaces the shipped dispute rules at start; a file that does not validate stops the start. */
class DisputeConfigHttpTest {
    @TempDir
    Path dir;

    static String shipped() throws Exception {
        return DisputeConfig.shippedText();
    }

    @Test
    void aLowerLimitInTheFileSendsTheSameDisputeToAPerson() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        // us_reg_e decides alone only up to 500 minor units of USD (the shipped limit is 50,000,000)
        Files.writeString(data.resolve("disputes-config.json"), shipped().replaceFirst("\"USD\": 50000000", "\"USD\": 500"));
        try (TestServer t = TestServer.start(dir)) {
            for (String[] a : new String[][]{{"alice", "wallet"}, {"bob", "merchant"}, {"platform", "fee"}, {"bank", "settlement"}}) {
                assertThat(t.createAccount(a[0], a[1]).status()).isEqualTo(201);
            }
            assertThat(t.transfer("fund", "bank", "alice", 1_000_000).status()).isEqualTo(201);
            assertThat(t.send("PUT", "/v1/policies", TestServer.MAPPER.createObjectNode().put("source", RiskHttpTest.POLICY)
                    .toString(), t.adminKey).status()).isEqualTo(200); // a policy that posts this payment
            TestServer.Resp paid = t.post("/v1/payments", "{\"id\":\"pay-1\",\"payer\":\"alice\",\"payee\":\"bob\",\"amount\":1000,"
                    + "\"currency\":\"USD\",\"fee\":{\"account\":\"platform\",\"amount\":10},"
                    + "\"context\":{\"device_id\":\"d-1\",\"ip\":\"10.0.0.1\",\"country\":\"GB\"}}");
            assertThat(paid.status()).as(paid.body()).isEqualTo(201);
            // the same claim DisputesHttpTest sees decided automatically under the shipped rules
            TestServer.Resp made = t.post("/v1/disputes", "{\"id\":\"dsp-1\",\"payment_id\":\"pay-1\",\"claimant\":\"alice\","
                    + "\"reason\":\"not_delivered\",\"narrative\":\"the video never played\","
                    + "\"evidence\":[{\"kind\":\"screenshot\",\"description\":\"player error\"}]}");
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            JsonNode d = made.json();
            assertThat(d.path("automatic").asBoolean()).isFalse();
            assertThat(d.path("state").asText()).isEqualTo("escalated");
            assertThat(d.path("resolution").path("escalate_because").toString()).contains("limit");
        }
    }

    @Test
    void aFileThatDoesNotValidateStopsTheStartNamingTheField() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("disputes-config.json"), shipped().replaceFirst("\"evidence\": 10", "\"evidence\": 0"));
        assertThatThrownBy(() -> TestServer.start(dir)).satisfies(e -> {
            StringBuilder messages = new StringBuilder();
            for (Throwable c = e; c != null; c = c.getCause()) {
                messages.append(c.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains("disputes-config.json: jurisdictions[0].days.evidence must be a positive integer");
        });
    }
}
