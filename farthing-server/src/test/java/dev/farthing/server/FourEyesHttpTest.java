package dev.farthing.server;

import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.server.http.risk.RiskApi;
import dev.farthing.server.keys.KeyMaterial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Reviews are decided only by a reviewer key, never by the key that submitted the payment; the submitter is kept. */
class FourEyesHttpTest {
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

    private TestServer.Resp review(String id, String key) {
        return t.send("POST", "/v1/reviews/" + id, "{\"verdict\":\"approve\"}", key);
    }

    @Test
    void onlyAReviewerDecidesAndAdminIsNotOne() {
        assertThat(t.post("/v1/payments", RiskHttpTest.payment("rv-1", 88)).json().path("status").asText()).isEqualTo("held");
        TestServer.Resp byOperator = review("rv-1", t.operatorKey);
        assertThat(byOperator.status()).isEqualTo(403);
        assertThat(byOperator.code()).isEqualTo("forbidden");
        TestServer.Resp byAdmin = review("rv-1", t.adminKey);
        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(byAdmin.code()).isEqualTo("reviewer_required");
        assertThat(t.get("/v1/payments/rv-1").json().path("status").asText()).as("refusals change nothing").isEqualTo("held");
        TestServer.Resp byReviewer = review("rv-1", t.reviewerKey);
        assertThat(byReviewer.status()).as(byReviewer.body()).isEqualTo(200);
        assertThat(byReviewer.json().path("status").asText()).isEqualTo("posted");
        assertThat(t.send("POST", "/v1/payments", RiskHttpTest.payment("x-1", 5), t.reviewerKey).status())
                .as("a reviewer moves no money").isEqualTo(403);
    }

    @Test
    void theSubmitterIsShownToAuditorsAndKeptAcrossARestart() {
        assertThat(t.post("/v1/payments", RiskHttpTest.payment("rv-2", 88)).status()).isEqualTo(201);
        String operator = KeyMaterial.idOf(t.operatorKey);
        assertThat(t.send("GET", "/v1/payments/rv-2", (String) null, t.auditorKey).json().path("submitted_by").asText())
                .isEqualTo(operator);
        assertThat(t.send("GET", "/v1/payments?status=held", (String) null, t.auditorKey).json().path("data").get(0)
                .path("submitted_by").asText()).isEqualTo(operator);
        String reviewer = t.reviewerKey;
        t.close();
        t = t.reopen();
        assertThat(t.send("GET", "/v1/payments/rv-2", (String) null, t.auditorKey).json().path("submitted_by").asText())
                .as("replayed from the risk journal").isEqualTo(operator);
        assertThat(review("rv-2", reviewer).status()).isEqualTo(200);
    }

    @Test
    void aReviewerNeverDecidesAPaymentItsOwnKeySubmitted() {
        // Keys keep one role, so over HTTP a reviewer key cannot submit; in process a caller may name any key.
        String reviewerId = KeyMaterial.idOf(t.reviewerKey);
        var engine = t.server.domain(RiskApi.class).services().engine();
        engine.submit(new PaymentRequest("own-1", "alice", "bob", 88, "USD", null, new PaymentContext("d-1", "10.0.0.1",
                "GB", null, null, null, null, PaymentContext.UNKNOWN, null, PaymentContext.UNKNOWN, null)), reviewerId).join();
        TestServer.Resp own = review("own-1", t.reviewerKey);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("own_payment");
        assertThat(t.get("/v1/payments/own-1").json().path("status").asText()).isEqualTo("held");
        String other = ApiKeys.create(t.dataDir, Role.REVIEWER, "second reviewer");
        assertThat(review("own-1", other).json().path("status").asText()).isEqualTo("posted");
    }
}
