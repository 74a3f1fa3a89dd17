package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.risk.decide.ShippedModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Payments, challenges, reviews, labels, policies and models over HTTP, on a real server and ledger. */
class RiskHttpTest {
    static final String POLICY = """
            policy http_test
            rule challenge_77:
                payment.amount == 77
              => challenge "test_challenge" "amount 77"
            rule review_88:
                payment.amount == 88
              => review "test_review" "amount 88"
            rule decline_99:
                payment.amount == 99
              => decline "test_decline" "amount 99"
            """;
    static final long FUNDS = 10_000;

    @TempDir
    Path dir;
    TestServer t;

    @BeforeEach
    void start() {
        t = TestServer.start(dir);
        t.addPaymentAccounts(FUNDS);
        TestServer.Resp put = putPolicy(POLICY, t.adminKey);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    TestServer.Resp putPolicy(String source, String key) {
        return t.putPolicy(source, key);
    }

    static String payment(String id, long amount) {
        return "{\"id\":\"" + id + "\",\"payer\":\"alice\",\"payee\":\"bob\",\"amount\":" + amount
                + ",\"currency\":\"USD\",\"fee\":{\"account\":\"platform\",\"amount\":1},"
                + "\"context\":{\"device_id\":\"d-1\",\"ip\":\"10.0.0.1\",\"country\":\"GB\"}}";
    }

    void assertBalances(long alice, long bob, long fee) {
        assertThat(t.balance("alice")).isEqualTo(FUNDS - alice);
        assertThat(t.balance("bob")).isEqualTo(bob);
        assertThat(t.balance("platform")).isEqualTo(fee);
        assertThat(t.balance("alice") + t.balance("bob") + t.balance("platform") + t.balance("bank")).isZero();
    }

    private static final String SHIPPED_MODEL = ShippedModel.load().orElseThrow().version();

    @Test
    void approvedDeclinedAndIdempotentRepeats() {
        TestServer.Resp ok = t.post("/v1/payments", payment("pay-1", 10));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        JsonNode j = ok.json();
        assertThat(j.path("decision").asText()).isEqualTo("approved");
        assertThat(j.path("status").asText()).isEqualTo("posted");
        assertThat(j.path("transfer_ids").toString()).isEqualTo("[\"pay-1\",\"pay-1.fee\"]");
        assertThat(j.path("risk").path("policy_version").asText()).startsWith("http_test-");
        // A new data directory decides with the shipped model.
        assertThat(j.path("risk").path("model_version").asText()).isEqualTo(SHIPPED_MODEL);
        assertThat(j.path("risk").path("score").asDouble(-1)).isBetween(0.0, 1.0);
        assertThat(j.path("latency_us").asLong()).isPositive();
        TestServer.Resp again = t.post("/v1/payments", payment("pay-1", 10));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        TestServer.Resp conflict = t.post("/v1/payments", payment("pay-1", 11));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("id_conflict");
        TestServer.Resp declined = t.post("/v1/payments", payment("pay-2", 99));
        assertThat(declined.json().path("decision").asText()).isEqualTo("declined");
        assertThat(declined.json().path("risk").path("reasons").get(0).path("code").asText()).isEqualTo("test_decline");
        assertThat(declined.json().path("transfer_ids").size()).isZero();
        TestServer.Resp poor = t.post("/v1/payments", payment("pay-3", FUNDS));
        assertThat(poor.json().path("decision").asText()).isEqualTo("declined");
        assertThat(poor.json().path("risk").path("reasons").toString()).contains("insufficient_funds");
        assertBalances(11, 10, 1);
        assertThat(t.get("/v1/payments/pay-2").json().path("decision").asText()).isEqualTo("declined");
        assertThat(t.get("/v1/payments/nope").status()).isEqualTo(404);
        assertThat(t.get("/metrics").body()).contains("farthing_risk_decisions");
    }

    @Test
    void challengeFlowPostsOrVoidsOnce() {
        SoftwareAuthenticator payer = new SoftwareAuthenticator("localhost", "https://localhost");
        assertThat(payer.register(t, "alice").status()).isEqualTo(201);
        TestServer.Resp ch1 = t.post("/v1/payments", payment("ch-1", 77));
        assertThat(ch1.json().path("decision").asText()).isEqualTo("challenged");
        assertThat(t.post("/v1/payments", payment("ch-2", 77)).json().path("status").asText()).isEqualTo("held");
        assertBalances(0, 0, 0);
        assertThat(t.post("/v1/payments/ch-1/challenge", "{\"passed\":true}").code()).isEqualTo("stepup_proof_required");
        String nonce = t.get("/v1/payments/ch-1").json().path("challenge").path("nonce").asText();
        TestServer.Resp passed = t.post("/v1/payments/ch-1/challenge", "{\"webauthn\":" + payer.assertion(nonce) + "}");
        assertThat(passed.status()).as(passed.body()).isEqualTo(200);
        assertThat(passed.json().path("status").asText()).isEqualTo("posted");
        TestServer.Resp twice = t.post("/v1/payments/ch-1/challenge", "{\"passed\":false}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("already_resolved");
        assertThat(t.post("/v1/payments/ch-2/challenge", "{\"passed\":false}").json().path("status").asText()).isEqualTo("voided");
        assertThat(t.post("/v1/payments/ch-2/challenge", "{}").status()).isEqualTo(400);
        assertThat(t.post("/v1/payments/ch-2/challenge", "{\"passed\":\"yes\"}").status()).isEqualTo(400);
        t.post("/v1/payments", payment("ap-1", 5));
        TestServer.Resp wrong = t.post("/v1/payments/ap-1/challenge", "{\"passed\":true}");
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.code()).isEqualTo("invalid_state");
        assertThat(t.post("/v1/payments/ghost/challenge", "{\"passed\":true}").status()).isEqualTo(404);
        assertBalances(84, 82, 2);
    }

    @Test
    void reviewFlowAndLabels() {
        assertThat(t.post("/v1/payments", payment("rv-1", 88)).json().path("decision").asText()).isEqualTo("held_for_review");
        t.post("/v1/payments", payment("rv-2", 88));
        TestServer.Resp open = t.send("GET", "/v1/reviews?status=open", (String) null, t.auditorKey);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().path("reviews").size()).isEqualTo(2);
        assertThat(open.json().path("reviews").get(0).path("reason_codes").toString()).contains("test_review");
        TestServer.Resp approve = t.send("POST", "/v1/reviews/rv-1", "{\"verdict\":\"approve\",\"label\":\"legit\"}", t.reviewerKey);
        assertThat(approve.status()).as(approve.body()).isEqualTo(200);
        assertThat(approve.json().path("status").asText()).isEqualTo("posted");
        assertThat(t.send("POST", "/v1/reviews/rv-2", "{\"verdict\":\"decline\",\"label\":\"fraud\"}", t.reviewerKey).json().path("status").asText())
                .isEqualTo("voided");
        assertThat(t.send("POST", "/v1/reviews/rv-2", "{\"verdict\":\"approve\"}", t.reviewerKey).code()).isEqualTo("already_resolved");
        assertThat(t.send("POST", "/v1/reviews/rv-1", "{\"verdict\":\"maybe\"}", t.reviewerKey).status()).isEqualTo(400);
        assertThat(t.get("/v1/reviews").json().path("reviews").size()).isZero();
        assertThat(t.get("/v1/reviews?status=declined").json().path("reviews").get(0).path("label").asText()).isEqualTo("fraud");
        assertThat(t.get("/v1/reviews?status=bogus").status()).isEqualTo(400);
        TestServer.Resp label = t.post("/v1/payments/rv-1/label", "{\"label\":\"fraud\",\"source\":\"chargeback\"}");
        assertThat(label.status()).as(label.body()).isEqualTo(201);
        assertThat(label.json().path("source").asText()).isEqualTo("chargeback");
        assertThat(t.post("/v1/payments/rv-1/label", "{\"label\":\"fraud\",\"source\":\"guess\"}").status()).isEqualTo(400);
        assertThat(t.post("/v1/payments/none/label", "{\"label\":\"fraud\",\"source\":\"dispute\"}").status()).isEqualTo(404);
        assertBalances(89, 88, 1);
    }

    @Test
    void rolesAreEnforced() {
        assertThat(t.send("POST", "/v1/payments", payment("r-1", 5), t.auditorKey).status()).isEqualTo(403);
        assertThat(t.send("POST", "/v1/payments", payment("r-1", 5), null).status()).isEqualTo(401);
        assertThat(t.send("PUT", "/v1/policies", "{\"source\":\"x\"}", t.operatorKey).status()).isEqualTo(403);
        assertThat(t.send("POST", "/v1/models/m-1/activate", (String) null, t.operatorKey).status()).isEqualTo(403);
        assertThat(t.send("POST", "/v1/reviews/x", "{\"verdict\":\"approve\"}", t.auditorKey).status()).isEqualTo(403);
        assertThat(t.send("GET", "/v1/policies", (String) null, t.auditorKey).status()).isEqualTo(200);
        assertThat(t.send("GET", "/v1/models", (String) null, t.auditorKey).status()).isEqualTo(200);
        assertThat(t.send("GET", "/v1/models/metrics", (String) null, t.auditorKey).status()).isEqualTo(200);
        assertThat(t.get("/v1/payments/r-1").status()).isEqualTo(404);
        assertBalances(0, 0, 0);
    }

    @Test
    void policiesAreCheckedBeforeTheyChangeAnything() {
        String before = t.get("/v1/policies").json().path("version").asText();
        TestServer.Resp bad = putPolicy("policy broken\nrule nope:\n    features.no_such_feature > 1.0\n  => decline \"x\"\n", t.adminKey);
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.code()).isEqualTo("invalid_policy");
        JsonNode err = bad.json().path("errors").get(0);
        assertThat(err.path("line").asInt()).isEqualTo(3);
        assertThat(err.path("column").asInt()).isPositive();
        assertThat(err.path("message").asText()).contains("no_such_feature");
        assertThat(t.get("/v1/policies").json().path("version").asText()).isEqualTo(before);
        TestServer.Resp text = t.send("PUT", "/v1/policies", (String) null, t.adminKey);
        assertThat(text.status()).isEqualTo(400);
    }

    @Test
    void aModelReasonCarriesContributionsAcrossARestart() {
        String explained = POLICY.replace("policy http_test", "policy http_explained") + """
                rule model_checked:
                    payment.amount == 66 && score.fraud >= 0.0
                  => challenge "model_checked"
                """;
        assertThat(putPolicy(explained, t.adminKey).status()).isEqualTo(200);
        JsonNode risk = t.post("/v1/payments", payment("ex-1", 66)).json().path("risk");
        JsonNode reason = risk.path("reasons").get(0);
        assertThat(reason.path("code").asText()).isEqualTo("model_checked");
        assertThat(reason.path("explains").asText()).isEqualTo("score.fraud");
        assertThat(reason.path("detail").asText()).startsWith("rule model_checked; model rates this ");
        JsonNode contributions = reason.path("contributions");
        assertThat(contributions.size()).isBetween(1, 5);
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode c : contributions) {
            assertThat(c.path("feature").asText()).isNotEmpty();
            assertThat(c.has("value") && c.has("unit")).as(c.toString()).isTrue();
            double size = Math.abs(c.path("contribution").asDouble());
            assertThat(size).as("largest first").isPositive().isLessThanOrEqualTo(previous);
            previous = size;
            assertThat(reason.path("detail").asText()).contains(c.path("feature").asText() + "=");
        }
        // Rules on payment fields alone carry no contributions.
        JsonNode plain = t.post("/v1/payments", payment("ex-2", 77)).json().path("risk").path("reasons").get(0);
        assertThat(plain.path("code").asText()).isEqualTo("test_challenge");
        assertThat(plain.has("contributions")).isFalse();

        t.close();
        Path data = dir.resolve("data");
        t = new TestServer(FarthingServer.start(ServerOptions.defaults(data, 0).withHost("127.0.0.1")), data);
        TestServer.Resp repeat = t.post("/v1/payments", payment("ex-1", 66));
        assertThat(repeat.json().path("replayed").asBoolean()).isTrue();
        assertThat(repeat.json().path("risk").path("reasons").get(0)).isEqualTo(reason);
    }

    @Test
    void aRestartKeepsPaymentsReviewsPolicyAndIdempotency() {
        assertThat(t.post("/v1/payments", payment("keep-1", 10)).status()).isEqualTo(201);
        assertThat(t.post("/v1/payments", payment("keep-2", 88)).status()).isEqualTo(201);
        String policy = t.get("/v1/policies").json().path("version").asText();
        t.close();
        Path data = dir.resolve("data");
        FarthingServer again = FarthingServer.start(ServerOptions.defaults(data, 0).withHost("127.0.0.1"));
        t = new TestServer(again, data);
        TestServer.Resp repeat = t.post("/v1/payments", payment("keep-1", 10));
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
        assertThat(repeat.json().path("replayed").asBoolean()).isTrue();
        assertThat(t.post("/v1/payments", payment("keep-1", 12)).code()).isEqualTo("id_conflict");
        assertThat(t.get("/v1/policies").json().path("version").asText()).isEqualTo(policy);
        assertThat(t.get("/v1/reviews").json().path("reviews").get(0).path("payment_id").asText()).isEqualTo("keep-2");
        assertThat(t.send("POST", "/v1/reviews/keep-2", "{\"verdict\":\"approve\"}", t.reviewerKey).json().path("status").asText()).isEqualTo("posted");
        assertBalances(100, 98, 2);
    }

    @Test
    void modelRoutesReportTheRegistry() {
        TestServer.Resp models = t.get("/v1/models");
        assertThat(models.status()).isEqualTo(200);
        assertThat(models.json().path("active").asText()).isEqualTo(SHIPPED_MODEL);
        TestServer.Resp unknown = t.send("POST", "/v1/models/m-0000000000000000/activate", (String) null, t.adminKey);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(t.send("POST", "/v1/models/bad!v/shadow", (String) null, t.adminKey).status()).isEqualTo(400);
    }
}
