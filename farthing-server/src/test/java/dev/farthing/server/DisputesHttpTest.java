package dev.farthing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispute routes end to end on a real server: file, evidence, decide, appeal, money, strictness, restart. */
class DisputesHttpTest {
    static final long FUNDS = 10_000;
    @TempDir
    Path dir;
    TestServer t;

    @BeforeEach
    void start() {
        t = TestServer.start(dir);
        t.addPaymentAccounts(FUNDS);
        // The disputed payments must post: a fixed policy, not the shipped model's thresholds (which may challenge a
        // new payer's first payments).
        assertThat(t.send("PUT", "/v1/policies", TestServer.MAPPER.createObjectNode().put("source", RiskHttpTest.POLICY)
                .toString(), t.adminKey).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private void pay(String id) {
        TestServer.Resp r = t.post("/v1/payments", "{\"id\":\"" + id + "\",\"payer\":\"alice\",\"payee\":\"bob\",\"amount\":1000,"
                + "\"currency\":\"USD\",\"fee\":{\"account\":\"platform\",\"amount\":10},"
                + "\"context\":{\"device_id\":\"d-1\",\"ip\":\"10.0.0.1\",\"country\":\"GB\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("status").asText()).as(r.body()).isEqualTo("posted");
    }

    private long sysBalance(String id) throws Exception {
        var o = t.ledger().lookupAccount(id).get();
        return o.isOk() ? o.value().balance() : 0;
    }

    private void assertConserved() throws Exception {
        long sum = t.balance("alice") + t.balance("bob") + t.balance("platform") + t.balance("bank")
                + sysBalance("sys.disputes.fees.usd") + sysBalance("sys.disputes.provisional.usd");
        assertThat(sum).as("every minor unit is somewhere").isZero();
    }

    @Test
    void fileDecideAutomaticallyRefundAndRead() throws Exception {
        pay("pay-1");
        String body = "{\"id\":\"dsp-1\",\"payment_id\":\"pay-1\",\"claimant\":\"alice\",\"reason\":\"not_delivered\","
                + "\"narrative\":\"the video never played\",\"evidence\":[{\"kind\":\"screenshot\",\"description\":\"player error\"}]}";
        TestServer.Resp made = t.post("/v1/disputes", body);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode d = made.json();
        assertThat(d.path("amount").asLong()).isEqualTo(1010);
        assertThat(d.path("gathered").path("payment").path("submitted_by_key").isTextual()).isTrue();
        assertThat(d.path("resolution").path("votes")).hasSize(3);
        assertThat(d.path("state").asText()).as(made.body()).isEqualTo("decided");
        assertThat(d.path("outcome").asText()).isEqualTo("won");
        assertThat(d.path("automatic").asBoolean()).isTrue();
        assertThat(d.path("money").path("status").asText()).as(made.body()).isEqualTo("refunded");
        assertThat(t.balance("alice")).isEqualTo(FUNDS);
        assertThat(t.balance("platform")).isZero();
        assertThat(sysBalance("sys.disputes.fees.usd")).isEqualTo(150_000);
        assertConserved();

        assertThat(t.post("/v1/disputes", body).status()).as("idempotent repeat").isEqualTo(200);
        TestServer.Resp conflict = t.post("/v1/disputes", body.replace("never played", "stuttered"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("dispute_id_conflict");
        TestServer.Resp again = t.post("/v1/disputes", body.replace("dsp-1", "dsp-1b"));
        assertThat(again.code()).isEqualTo("payment_already_disputed");

        TestServer.Resp read = t.get("/v1/disputes/dsp-1");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("hours_left").asLong()).isBetween(1L, 24L * 20);
        assertThat(t.get("/v1/disputes/nope").code()).isEqualTo("dispute_not_found");
        TestServer.Resp list = t.get("/v1/disputes?state=decided");
        assertThat(list.json().path("data")).hasSize(1);
        assertThat(t.get("/v1/disputes?state=queue").json().path("data")).isEmpty();
        assertThat(t.get("/v1/disputes?state=bogus").status()).isEqualTo(400);
    }

    @Test
    void strictBodies() {
        pay("pay-s");
        for (String bad : new String[] {
                "{\"id\":\"s1\",\"payment_id\":\"pay-s\",\"claimant\":\"alice\",\"reason\":\"not_delivered\",\"amount\":\"100\"}",
                "{\"id\":\"s1\",\"payment_id\":\"pay-s\",\"claimant\":\"alice\",\"reason\":\"not_delivered\",\"amount\":1.5}",
                "{\"id\":\"s1\",\"payment_id\":\"pay-s\",\"claimant\":\"alice\",\"reason\":\"lost_my_keys\"}",
                "{\"id\":7,\"payment_id\":\"pay-s\",\"claimant\":\"alice\",\"reason\":\"not_delivered\"}",
                "{\"id\":\"s1\",\"payment_id\":\"pay-s\",\"channel_id\":\"c\",\"claimant\":\"alice\",\"reason\":\"duplicate\"}",
                "{\"id\":\"s1\",\"payment_id\":\"pay-s\",\"claimant\":\"alice\",\"reason\":\"duplicate\",\"extra\":1}"}) {
            TestServer.Resp r = t.post("/v1/disputes", bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.code()).as(bad).isEqualTo("invalid_dispute");
        }
        TestServer.Resp tooMuch = t.post("/v1/disputes", "{\"id\":\"s2\",\"payment_id\":\"pay-s\",\"claimant\":\"alice\",\"reason\":\"amount_wrong\",\"amount\":5000}");
        assertThat(tooMuch.code()).isEqualTo("dispute_amount_exceeds_payment");
        assertThat(t.post("/v1/disputes", "{\"id\":\"s3\",\"payment_id\":\"ghost\",\"claimant\":\"alice\",\"reason\":\"duplicate\"}").code())
                .isEqualTo("disputed_payment_not_found");
        assertThat(t.post("/v1/deliveries", "{\"payment_id\":\"pay-s\",\"content_id\":\"v\",\"delivered_at\":\"2026-12-01T10:00:00Z\",\"progress\":2}").status())
                .isEqualTo(400);
        assertThat(t.post("/v1/deliveries", "{\"payment_id\":\"pay-s\",\"content_id\":\"v\",\"delivered_at\":\"yesterday\"}").status())
                .isEqualTo(400);
    }

    @Test
    void reviewerDecidesAppealGoesToAnotherReviewerAndSurvivesRestart() throws Exception {
        pay("pay-2");
        String delivery = "{\"payment_id\":\"pay-2\",\"content_id\":\"video-42\",\"delivered_at\":\"2026-12-01T10:15:00Z\",\"progress\":0.7}";
        assertThat(t.post("/v1/deliveries", delivery).status()).isEqualTo(201);
        assertThat(t.post("/v1/deliveries", delivery).status()).as("repeat").isEqualTo(200);
        TestServer.Resp made = t.post("/v1/disputes", "{\"id\":\"dsp-2\",\"payment_id\":\"pay-2\",\"claimant\":\"alice\",\"reason\":\"not_delivered\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().path("state").asText()).as(made.body()).isIn("evidence", "escalated");
        assertThat(made.json().path("gathered").path("deliveries")).hasSize(1);

        String r1 = ApiKeys.create(t.dataDir, Role.REVIEWER, "reviewer one");
        String r2 = ApiKeys.create(t.dataDir, Role.REVIEWER, "reviewer two");
        String decision = "{\"outcome\":\"lost\",\"note\":\"watched 70%\"}";
        assertThat(t.send("POST", "/v1/disputes/dsp-2/decision", decision, t.adminKey).status()).as("admin is not a reviewer").isEqualTo(403);
        assertThat(t.send("POST", "/v1/disputes/dsp-2/decision", decision, t.operatorKey).status()).isEqualTo(403);
        assertThat(t.send("POST", "/v1/disputes/dsp-2/decision", "{\"outcome\":\"partial\"}", r1).code()).isEqualTo("invalid_dispute");
        TestServer.Resp decided = t.send("POST", "/v1/disputes/dsp-2/decision", decision, r1);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().path("state").asText()).isEqualTo("decided");
        assertThat(decided.json().path("automatic").asBoolean()).isFalse();
        assertThat(t.balance("alice")).isEqualTo(FUNDS - 1010);

        TestServer.Resp appealed = t.post("/v1/disputes/dsp-2/appeal", "{\"by\":\"claimant\",\"narrative\":\"it froze at 70%\","
                + "\"evidence\":[{\"kind\":\"screenshot\",\"description\":\"frozen frame\"}]}");
        assertThat(appealed.status()).as(appealed.body()).isEqualTo(200);
        assertThat(appealed.json().path("state").asText()).isEqualTo("appealed");
        assertThat(t.get("/v1/disputes?state=queue").json().path("data")).hasSize(1);
        TestServer.Resp same = t.send("POST", "/v1/disputes/dsp-2/decision", "{\"outcome\":\"won\"}", r1);
        assertThat(same.status()).isEqualTo(403);
        assertThat(same.code()).isEqualTo("appeal_needs_another_reviewer");
        TestServer.Resp upheld = t.send("POST", "/v1/disputes/dsp-2/decision", "{\"outcome\":\"partial\",\"refund\":500}", r2);
        assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
        assertThat(upheld.json().path("state").asText()).isEqualTo("final");
        assertThat(upheld.json().path("overturned").asBoolean()).isTrue();
        assertThat(upheld.json().path("money").path("refunded").asLong()).isEqualTo(500);
        assertThat(t.balance("alice")).isEqualTo(FUNDS - 1010 + 500);
        assertConserved();
        assertThat(t.send("POST", "/v1/disputes/dsp-2/appeal", "{\"by\":\"respondent\"}", t.operatorKey).code()).isEqualTo("dispute_wrong_state");

        t.close();
        t = t.reopen();
        TestServer.Resp after = t.get("/v1/disputes/dsp-2");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().path("state").asText()).isEqualTo("final");
        assertThat(after.json().path("money").path("refunded").asLong()).isEqualTo(500);
        assertThat(after.json().path("history").size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void reviewersEscalateToArbitrationAndPartiesAddEvidence() {
        pay("pay-3");
        assertThat(t.post("/v1/deliveries", "{\"payment_id\":\"pay-3\",\"content_id\":\"v\",\"delivered_at\":\"2026-12-01T10:00:00Z\",\"progress\":0.6}").status()).isEqualTo(201);
        TestServer.Resp made = t.post("/v1/disputes", "{\"id\":\"dsp-3\",\"payment_id\":\"pay-3\",\"claimant\":\"alice\",\"reason\":\"not_delivered\"}");
        assertThat(made.json().path("state").asText()).as(made.body()).isEqualTo("evidence");
        TestServer.Resp more = t.post("/v1/disputes/dsp-3/evidence", "{\"evidence\":[{\"party\":\"respondent\",\"kind\":\"usage_log\",\"ref\":\"s3://l\"}]}");
        assertThat(more.status()).as(more.body()).isEqualTo(200);
        assertThat(more.json().path("evidence")).hasSize(1);
        assertThat(t.post("/v1/disputes/dsp-3/evidence", "{\"evidence\":[{\"kind\":\"usage_log\"}]}").code()).as("party is required").isEqualTo("invalid_dispute");
        String reviewer = ApiKeys.create(t.dataDir, Role.REVIEWER, "reviewer");
        assertThat(more.json().path("state").asText()).as("60% watched stays weak").isEqualTo("evidence");
        assertThat(t.send("GET", "/v1/disputes/dsp-3/arbitration", (String) null, reviewer).code()).isEqualTo("dispute_wrong_state");
        for (String tier : new String[] {"L1", "L2", "L3"}) {
            TestServer.Resp up = t.send("POST", "/v1/disputes/dsp-3/decision", "{\"escalate\":true,\"note\":\"needs a look\"}", reviewer);
            assertThat(up.status()).as(up.body()).isEqualTo(200);
            assertThat(up.json().path("tier").asText()).isEqualTo(tier);
        }
        assertThat(t.get("/v1/disputes?state=queue&tier=L3").json().path("data")).hasSize(1);
        assertThat(t.get("/v1/disputes?tier=L9").status()).isEqualTo(400);
        TestServer.Resp export = t.send("GET", "/v1/disputes/dsp-3/arbitration", (String) null, reviewer);
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.json().path("format").asText()).isEqualTo("farthing-dispute-arbitration/1");
        assertThat(t.send("POST", "/v1/disputes/dsp-3/decision", "{\"escalate\":true}", reviewer).code()).isEqualTo("dispute_wrong_state");
        assertThat(t.send("POST", "/v1/disputes/dsp-3/decision", "{\"escalate\":true,\"outcome\":\"won\"}", reviewer).code()).isEqualTo("invalid_dispute");
    }
}
