package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.audit.AuditLog;
import dev.farthing.server.keys.KeyMaterial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /v1/audit reads what the server appended for each decision, with the acting key and its role. */
class AuditHttpTest {
    @TempDir
    Path dir;
    TestServer t;

    @BeforeEach
    void start() {
        t = TestServer.start(dir);
        t.addPaymentAccounts(10_000);
        t.usePolicy(RiskHttpTest.POLICY);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private JsonNode audit(String query) {
        TestServer.Resp r = t.send("GET", "/v1/audit" + query, (String) null, t.auditorKey);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void everyPaymentDecisionIsAuditedWithTheSubmittingKey() {
        assertThat(t.post("/v1/payments", RiskHttpTest.payment("ok-1", 5)).status()).isEqualTo(201);
        assertThat(t.post("/v1/payments", RiskHttpTest.payment("no-1", 99)).json().path("decision").asText()).isEqualTo("declined");
        assertThat(t.post("/v1/payments", RiskHttpTest.payment("ok-1", 5)).status()).as("a repeat").isEqualTo(200);

        JsonNode page = audit("?subject=payment:ok-1");
        assertThat(page.path("data")).hasSize(1);
        JsonNode rec = page.path("data").get(0);
        assertThat(rec.path("action").asText()).isEqualTo("payment.decided");
        assertThat(rec.path("actor").asText()).isEqualTo(KeyMaterial.idOf(t.operatorKey));
        assertThat(rec.path("role").asText()).isEqualTo("operator");
        assertThat(rec.path("before").isNull()).isTrue();
        JsonNode after = read(rec.path("after").asText());
        assertThat(after.path("decision").asText()).isEqualTo("approved");
        assertThat(after.path("amount").asLong()).isEqualTo(5);
        assertThat(rec.path("hash").asText()).hasSize(64);

        JsonNode declined = audit("?subject=payment:no-1").path("data").get(0);
        assertThat(read(declined.path("after").asText()).path("reasons").get(0).asText()).isEqualTo("test_decline");
        assertThat(declined.path("previous_hash").asText()).isEqualTo(rec.path("hash").asText());
    }

    @Test
    void filtersAndPagingFollowTheListStyle() {
        for (int i = 0; i < 5; i++) {
            assertThat(t.post("/v1/payments", RiskHttpTest.payment("p-" + i, 5)).status()).isEqualTo(201);
        }
        List<String> subjects = new ArrayList<>();
        String after = "";
        int pages = 0;
        do {
            JsonNode page = audit("?action=payment.&limit=2" + (after.isEmpty() ? "" : "&after=" + after));
            page.path("data").forEach(r -> subjects.add(r.path("subject").asText()));
            after = page.path("next_cursor").isNull() ? "" : page.path("next_cursor").asText();
            pages++;
        } while (!after.isEmpty());
        assertThat(subjects).containsExactly("payment:p-0", "payment:p-1", "payment:p-2", "payment:p-3", "payment:p-4");
        assertThat(pages).isEqualTo(3);

        String actor = KeyMaterial.idOf(t.operatorKey);
        assertThat(audit("?actor=" + actor + "&action=payment.decided").path("data")).hasSize(5);
        assertThat(audit("?actor=fk_nobody").path("data")).isEmpty();
        assertThat(audit("?from=2000-01-01T00:00:00Z&to=2001-01-01T00:00:00Z").path("data")).isEmpty();
        assertThat(audit("?from=2000-01-01T00:00:00Z").path("data").size()).isGreaterThanOrEqualTo(5);

        assertThat(t.send("GET", "/v1/audit?from=yesterday", (String) null, t.auditorKey).status()).isEqualTo(400);
        assertThat(t.send("GET", "/v1/audit?after=x1", (String) null, t.auditorKey).status()).isEqualTo(400);
        assertThat(t.send("GET", "/v1/audit?limit=0", (String) null, t.auditorKey).status()).isEqualTo(400);
        assertThat(t.send("GET", "/v1/audit", (String) null, null).status()).isEqualTo(401);
    }

    @Test
    void theRunningServerReprovesItsChainAndARestartResumesIt() {
        assertThat(t.post("/v1/payments", RiskHttpTest.payment("r-1", 5)).status()).isEqualTo(201);
        TestServer.Resp v = t.send("GET", "/v1/audit/verify", (String) null, t.auditorKey);
        assertThat(v.json().path("ok").asBoolean()).as(v.body()).isTrue();
        long before = v.json().path("records").asLong();
        assertThat(before).isGreaterThanOrEqualTo(1);
        t.close();
        assertThat(AuditLog.verify(t.dataDir.resolve("audit")).records()).isEqualTo(before);
        t = t.reopen();
        assertThat(t.post("/v1/payments", RiskHttpTest.payment("r-2", 5)).status()).isEqualTo(201);
        JsonNode r2 = audit("?subject=payment:r-2").path("data").get(0);
        assertThat(r2.path("sequence").asLong()).isGreaterThan(before);
        assertThat(t.send("GET", "/v1/audit/verify", (String) null, t.auditorKey).json().path("ok").asBoolean()).isTrue();
    }

    @Test
    void kycKeysPoliciesAndReviewsAreAudited() throws Exception {
        String compliance = ApiKeys.create(t.dataDir, Role.COMPLIANCE, "compliance desk");
        assertThat(t.createAccount("w-c", "wallet").status()).isEqualTo(201);
        assertThat(t.post("/v1/customers", "{\"id\":\"c-1\",\"type\":\"person\",\"name\":\"Ann Example\","
                + "\"country\":\"US\",\"account_ids\":[\"w-c\"]}").status()).isEqualTo(201);
        TestServer.Resp kyc = t.send("POST", "/v1/customers/c-1/kyc",
                "{\"tier\":1,\"evidence_ref\":\"doc-7\",\"verified_by\":\"vendor\"}", compliance);
        assertThat(kyc.status()).as(kyc.body()).isEqualTo(200);
        JsonNode decided = audit("?subject=customer:c-1&action=kyc.decided").path("data").get(0);
        assertThat(decided.path("actor").asText()).isEqualTo(KeyMaterial.idOf(compliance));
        assertThat(decided.path("role").asText()).isEqualTo("compliance");
        assertThat(read(decided.path("before").asText()).path("tier").asInt()).isZero();
        assertThat(read(decided.path("after").asText()).path("tier").asInt()).isEqualTo(1);
        assertThat(decided.toString()).as("no personal data in the trail").doesNotContain("Ann Example");

        String subject = "key:" + KeyMaterial.idOf(compliance);
        JsonNode created = audit("?subject=" + subject).path("data");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).path("action").asText()).isEqualTo("key.created");
        assertThat(read(created.get(0).path("after").asText()).path("role").asText()).isEqualTo("compliance");
        assertThat(ApiKeys.revoke(t.dataDir, KeyMaterial.idOf(compliance))).isTrue();
        Thread.sleep(300); // the registry re-reads a changed store at most every 250 ms
        assertThat(t.send("GET", "/v1/customers/c-1", (String) null, compliance).status()).isEqualTo(401);
        assertThat(audit("?subject=" + subject + "&action=key.revoked").path("data")).hasSize(1);
        assertThat(audit("?subject=key:" + KeyMaterial.idOf(t.adminKey)).path("data")).as("the bootstrap key").hasSize(1);

        JsonNode policy = audit("?action=policy.activated").path("data").get(0);
        assertThat(policy.path("role").asText()).isEqualTo("admin");
        assertThat(read(policy.path("after").asText()).path("version").asText()).startsWith("http_test-");

        assertThat(t.post("/v1/payments", RiskHttpTest.payment("rv-1", 88)).json().path("decision").asText())
                .isEqualTo("held_for_review");
        TestServer.Resp review = t.send("POST", "/v1/reviews/rv-1", "{\"verdict\":\"approve\"}", reviewerKey());
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        JsonNode verdict = audit("?subject=payment:rv-1&action=review.decided").path("data").get(0);
        assertThat(read(verdict.path("before").asText()).path("status").asText()).isEqualTo("held");
        assertThat(read(verdict.path("after").asText()).path("status").asText()).isEqualTo("posted");
        assertThat(read(verdict.path("after").asText()).path("verdict").asText()).isEqualTo("approve");
    }

    String reviewerKey() {
        return t.reviewerKey;
    }

    private static JsonNode read(String json) {
        try {
            return TestServer.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
