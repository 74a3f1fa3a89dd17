package dev.farthing.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers, KYC tiers and their limits on payments and transfers, and role-scoped personal data, over HTTP. */
class CustomerHttpTest {
    /** USD at the ledger's scale 6. US tier 0: 1,000 a payment, 1,000 a day, 3,000 a month. */
    static final long USD = 1_000_000;
    static final String APPROVE_ALL = """
            policy approve_all
            rule never:
                payment.amount == 123456789
              => decline "test_decline" "never sent"
            """;
    @TempDir
    Path dir;
    TestServer t;
    String complianceKey;

    @BeforeEach
    void start() {
        t = TestServer.start(dir);
        complianceKey = ApiKeys.create(t.dataDir, Role.COMPLIANCE, "test compliance");
        assertThat(t.createAccount("w-john", "wallet").status()).isEqualTo(201);
        assertThat(t.createAccount("shop", "merchant").status()).isEqualTo(201);
        assertThat(t.createAccount("bank", "settlement").status()).isEqualTo(201);
        assertThat(t.transfer("fund", "bank", "w-john", 100_000 * USD).status()).isEqualTo(201);
        t.usePolicy(APPROVE_ALL);
        TestServer.Resp made = t.post("/v1/customers", """
                {"id":"c-john","type":"person","name":"John Q. Public","birth_date":"1980-02-29","country":"US",
                 "email":"john@example.com","phone":"+1 202 555 0100","address":"1 Main St, Springfield",
                 "account_ids":["w-john"]}""");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    static String payment(String id, long amount) {
        return "{\"id\":\"" + id + "\",\"payer\":\"w-john\",\"payee\":\"shop\",\"amount\":" + amount
                + ",\"currency\":\"USD\",\"context\":{\"device_id\":\"d-1\",\"ip\":\"203.0.113.9\"}}";
    }

    @Test
    void registeredCustomersArePseudonymousToAuditorsAndOperators() {
        TestServer.Resp made = t.get("/v1/customers/c-john");
        assertThat(made.status()).isEqualTo(200);
        assertThat(made.json().path("kyc_tier").asInt()).isZero();
        assertThat(made.json().path("residence_zone").asText()).isEqualTo("us");
        assertThat(made.json().path("name_pseudonym").asText()).startsWith("name_");
        assertThat(made.body()).doesNotContain("John").doesNotContain("john@example.com").doesNotContain("1980");
        assertThat(t.send("GET", "/v1/customers/c-john", (String) null, t.auditorKey).body()).doesNotContain("John");
        assertThat(t.post("/v1/customers", "{\"id\":\"c-john\",\"type\":\"person\",\"name\":\"X\",\"country\":\"US\"}")
                .code()).isEqualTo("customer_exists");
        assertThat(t.post("/v1/customers", "{\"id\":\"c-2\",\"type\":\"person\",\"name\":\"X\",\"country\":\"US\",\"account_ids\":[\"w-john\"]}")
                .code()).isEqualTo("account_already_linked");
        assertThat(t.post("/v1/customers", "{\"id\":\"c-3\",\"type\":\"robot\",\"name\":\"X\",\"country\":\"US\"}")
                .status()).isEqualTo(400);
        assertThat(t.get("/v1/customers/nobody").code()).isEqualTo("customer_not_found");
    }

    @Test
    void onlyComplianceReadsPersonalDataAndMustSayWhy() {
        TestServer.Resp r = withReason(complianceKey, "case 2026-17: sanctions alert review");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("personal_data").path("name").asText()).isEqualTo("John Q. Public");
        assertThat(r.json().path("personal_data").path("birth_date").asText()).isEqualTo("1980-02-29");
        assertThat(withReason(t.auditorKey, "curious").status()).isEqualTo(403);
        assertThat(withReason(t.operatorKey, "curious").status()).isEqualTo(403);
        assertThat(t.send("GET", "/v1/customers/c-john", (String) null, complianceKey).json().has("personal_data")).isFalse();
        assertThat(t.send("POST", "/v1/customers/c-john/kyc", "{\"tier\":1,\"evidence_ref\":\"e\",\"verified_by\":\"v\"}",
                t.operatorKey).status()).isEqualTo(403);
        assertThat(t.send("POST", "/v1/customers/c-john/kyc", "{\"tier\":1}", complianceKey).status()).isEqualTo(400);
        assertThat(t.send("POST", "/v1/transfers", "{}", complianceKey).status()).as("compliance moves no money").isEqualTo(403);
    }

    private TestServer.Resp withReason(String key, String reason) {
        try {
            var req = java.net.http.HttpRequest.newBuilder(t.uri("/v1/customers/c-john"))
                    .header("Authorization", "Bearer " + key).header("X-Farthing-Reason", reason).GET().build();
            var resp = t.client.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new TestServer.Resp(resp.statusCode(), "", resp.body(),
                    resp.body().startsWith("{") ? TestServer.MAPPER.readTree(resp.body()) : null, resp.headers());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void paymentsAndTransfersOverALimitAreRefusedNamingTheLimitAndTheTierThatLiftsIt() {
        TestServer.Resp big = t.post("/v1/payments", payment("p-big", 1_500 * USD));
        assertThat(big.status()).as(big.body()).isEqualTo(422);
        assertThat(big.code()).isEqualTo("kyc_limit");
        assertThat(big.json().path("limit").path("period").asText()).isEqualTo("per_payment");
        assertThat(big.json().path("limit").path("limit").asLong()).isEqualTo(1_000 * USD);
        assertThat(big.json().path("lifted_by_tier").asInt()).isEqualTo(1);
        assertThat(big.json().path("jurisdiction").asText()).isEqualTo("US");
        assertThat(t.get("/v1/payments/p-big").status()).as("nothing decided").isEqualTo(404);
        TestServer.Resp ok = t.post("/v1/payments", payment("p-1", 600 * USD));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(t.post("/v1/payments", payment("p-1", 600 * USD)).status()).as("a repeat is not counted").isEqualTo(200);
        TestServer.Resp daily = t.post("/v1/payments", payment("p-2", 500 * USD));
        assertThat(daily.code()).isEqualTo("kyc_limit");
        assertThat(daily.json().path("limit").path("period").asText()).isEqualTo("daily");
        assertThat(daily.json().path("limit").path("used").asLong()).isEqualTo(600 * USD);
        TestServer.Resp out = t.transfer("t-out", "w-john", "shop", 500 * USD);
        assertThat(out.code()).as("a transfer out of the wallet counts too").isEqualTo("kyc_limit");
        assertThat(t.transfer("t-in", "bank", "w-john", 5_000 * USD).status()).as("money in is not limited").isEqualTo(201);
        assertThat(t.transfer("t-small", "w-john", "shop", 400 * USD).status()).isEqualTo(201);
        assertThat(t.send("POST", "/v1/customers/c-john/kyc",
                "{\"tier\":1,\"evidence_ref\":\"persona:inq_81\",\"verified_by\":\"kim\"}", complianceKey).status()).isEqualTo(200);
        assertThat(t.post("/v1/payments", payment("p-3", 2_000 * USD)).status()).isEqualTo(201);
        assertThat(t.balance("shop")).isEqualTo(3_000 * USD);
    }

    @Test
    void aThousandConcurrentPaymentsAtTheDailyLimitMoveExactlyTheAllowedAmountAcrossARestart() throws Exception {
        long each = 1_500_000 + 7; // 1.500007 USD: 666 fit in the 1,000 USD day
        List<Future<TestServer.Resp>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
            for (int i = 0; i < 1000; i++) {
                String id = "cp-" + i;
                replies.add(pool.submit(() -> t.post("/v1/payments", payment(id, each))));
            }
        }
        int moved = 0, limited = 0;
        for (Future<TestServer.Resp> f : replies) {
            TestServer.Resp r = f.get();
            if (r.status() == 201) {
                assertThat(r.json().path("decision").asText()).isEqualTo("approved");
                moved++;
            } else {
                assertThat(r.code()).as(r.body()).isEqualTo("kyc_limit");
                limited++;
            }
        }
        long allowed = 1_000 * USD / each;
        assertThat(moved).isEqualTo((int) allowed);
        assertThat(limited).isEqualTo(1000 - (int) allowed);
        assertThat(t.balance("shop")).isEqualTo(allowed * each);
        t = t.reopen();
        TestServer.Resp after = t.post("/v1/payments", payment("cp-after", each));
        assertThat(after.code()).as("usage is durable").isEqualTo("kyc_limit");
        assertThat(after.json().path("limit").path("used").asLong()).isEqualTo(allowed * each);
        assertThat(t.balance("shop")).isEqualTo(allowed * each);
    }
}
