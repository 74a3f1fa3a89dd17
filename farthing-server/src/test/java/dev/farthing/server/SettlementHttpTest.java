package dev.farthing.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The settlement routes end to end: payee, payout (refused by an unreachable provider: funds back), statement, exceptions. */
class SettlementHttpTest {
    @TempDir
    Path dir;

    @Test
    void aPayoutNoProviderTakesFailsWithItsFundsBackAndAStatementLineWithoutAPayoutIsAnExplainedException() throws Exception {
        Path settlement = Files.createDirectories(dir.resolve("data").resolve("settlement"));
        // nothing listens on port 1: the connector never opens a connection, which is a retryable refusal
        Files.writeString(settlement.resolve("providers.json"),
                "{\"providers\":[{\"id\":\"nowhere\",\"base_uri\":\"http://127.0.0.1:1/p/nowhere/\"}]}");
        try (TestServer t = TestServer.start(dir)) {
            assertThat(t.createAccount("bank", "settlement").status()).isEqualTo(201);
            assertThat(t.createAccount("m1", "merchant").status()).isEqualTo(201);
            assertThat(t.transfer("e1", "bank", "m1", 12_345_678).status()).isEqualTo(201);

            String payee = "{\"account\":\"m1\",\"currency\":\"USD\",\"country\":\"US\",\"beneficiary_name\":\"Ann\","
                    + "\"beneficiary_account\":\"US-1\",\"schedule\":{\"kind\":\"daily\",\"minimum\":100}}";
            TestServer.Resp put = t.send("PUT", "/v1/settlement/payees/p1", payee, t.operatorKey);
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(t.send("PUT", "/v1/settlement/payees/p2", payee.replace("m1", "nope"), t.operatorKey).code())
                    .isEqualTo("invalid_payout");

            TestServer.Resp created = t.post("/v1/payouts", "{\"id\":\"po-1\",\"payee\":\"p1\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            var payout = created.json().path("payouts").path(0);
            assertThat(payout.path("amount").asLong()).isEqualTo(1_234); // 12.345678 USD: 12.34 paid, the rest stays
            assertThat(payout.path("status").asText()).isEqualTo("failed");
            assertThat(payout.path("attempts").path(0).path("outcome").asText()).isEqualTo("refused");
            assertThat(payout.path("attempts").path(0).path("reason").asText()).contains("lowest expected cost");
            assertThat(t.balance("m1")).isEqualTo(12_345_678); // the hold was voided
            assertThat(t.post("/v1/payouts", "{\"id\":\"po-1\",\"payee\":\"p1\",\"amount\":5}").code()).isEqualTo("payout_conflict");
            assertThat(t.post("/v1/payouts", "{\"id\":\"po-2\",\"payee\":\"ghost\"}").code()).isEqualTo("payee_not_found");
            assertThat(t.post("/v1/payouts", "{\"id\":\"po-3\",\"payee\":\"p1\",\"amount\":99999999}").code())
                    .isEqualTo("below_payout_minimum");
            assertThat(t.post("/v1/payouts", "{\"id\":\"po-4\",\"payee\":\"p1\",\"amount\":\"100\"}").code())
                    .isEqualTo("invalid_request");

            TestServer.Resp failed = t.get("/v1/payouts?status=failed");
            assertThat(failed.json().path("payouts")).hasSize(1);
            assertThat(t.get("/v1/payouts?status=paid").json().path("payouts")).isEmpty();
            assertThat(t.get("/v1/payouts?status=bogus").code()).isEqualTo("invalid_request");
            String batchId = payout.path("batch_id").asText();
            assertThat(t.get("/v1/settlement/batches/" + batchId).json().path("payouts").path(0).path("id").asText())
                    .isEqualTo("po-1");
            assertThat(t.get("/v1/settlement/batches/b-999").code()).isEqualTo("batch_not_found");

            String statement = "{\"id\":\"st-1\",\"provider\":\"nowhere\",\"lines\":[{\"line_id\":\"L-1\","
                    + "\"end_to_end_reference\":\"po-404\",\"kind\":\"payout_debit\",\"currency\":\"USD\",\"amount\":500,"
                    + "\"value_date\":\"2026-01-05\"}]}";
            TestServer.Resp report = t.post("/v1/reconciliation/statements", statement);
            assertThat(report.status()).as(report.body()).isEqualTo(200);
            assertThat(report.json().path("exceptions").path(0).path("code").asText()).isEqualTo("unknown_reference");
            assertThat(t.post("/v1/reconciliation/statements", statement).json().path("exceptions")).hasSize(1); // a repeat
            assertThat(t.post("/v1/reconciliation/statements", statement.replace("500", "501")).code())
                    .isEqualTo("statement_conflict");
            TestServer.Resp queue = t.send("GET", "/v1/reconciliation/exceptions", (String) null, t.auditorKey);
            assertThat(queue.json().path("exceptions")).hasSize(1);
            assertThat(queue.json().path("exceptions").path(0).path("explanation").asText()).contains("po-404");
            assertThat(t.send("POST", "/v1/payouts", "{\"run\":\"due\"}", t.auditorKey).status()).isEqualTo(403);
        }
    }
}
