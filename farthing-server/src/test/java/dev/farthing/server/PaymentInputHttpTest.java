package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /v1/payments} input over HTTP: optional signals in real clients' forms are decided on with
 * warnings; a request the ledger could never carry out is a 4xx problem naming the field, not a decision, and
 * leaves its id free.
 */
class PaymentInputHttpTest {
    /** Approves everything but amount 99, so the outcomes below depend on the input alone, not on the model. */
    static final String POLICY = """
            policy input_test
            rule decline_99:
                payment.amount == 99
              => decline "test_decline" "amount 99"
            """;
    static final long FUNDS = 1_000_000;
    @TempDir
    static Path dir;
    static TestServer t;

    @BeforeAll
    static void start() {
        t = TestServer.start(dir);
        t.createAccount("bank", "settlement");
        t.createAccount("alice", "wallet");
        t.createAccount("bob", "merchant");
        t.createAccount("platform", "fee");
        assertThat(t.post("/v1/accounts", "{\"id\":\"eve-eur\",\"currency\":\"EUR\",\"kind\":\"wallet\"}").status())
                .isEqualTo(201);
        assertThat(t.transfer("fund", "bank", "alice", FUNDS).status()).isEqualTo(201);
        t.usePolicy(POLICY);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    static String payment(String id, String payer, String payee, long amount, String currency, String context) {
        return "{\"id\":\"" + id + "\",\"payer\":\"" + payer + "\",\"payee\":\"" + payee + "\",\"amount\":" + amount
                + ",\"currency\":\"" + currency + "\",\"context\":" + context + "}";
    }

    static final String CONTEXT = "{\"device_id\":\"d-1\",\"ip\":\"203.0.113.7\"}";

    @Test
    void browserSignalsAreDecidedOnAndWhatIsWrongIsListed() {
        String context = "{\"device_id\":\"d-1\",\"ip\":\"203.0.113.7\",\"country\":\"de\","
                + "\"content_started_at\":\"2026-01-01T09:00:00.123+01:00\",\"account_created_at\":\"yesterday\","
                + "\"geo\":{\"lat\":52.5,\"lon\":13.4,\"accuracy_m\":30},\"screen\":\"1920x1080\","
                + "\"telemetry\":{\"keystroke_intervals_ms\":[183.4,95.1,\"fast\",140.0],\"pointer_moves\":12.0,"
                + "\"pointer_straightness\":1.5}}";
        long bob = t.balance("bob");
        TestServer.Resp r = t.post("/v1/payments", payment("in-1", "alice", "bob", 100, "USD", context));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("decision").asText()).isEqualTo("approved");
        assertThat(fields(r.json())).containsExactlyInAnyOrder("context.account_created_at", "context.geo.accuracy_m",
                "context.screen", "context.telemetry.keystroke_intervals_ms[2]", "context.telemetry.pointer_straightness");
        for (JsonNode w : r.json().path("warnings")) {
            assertThat(w.path("problem").asText()).as(w.toString()).isNotBlank();
            assertThat(w.size()).isEqualTo(2);
        }
        // The same body again is the same payment: a replay, with the same warnings.
        TestServer.Resp again = t.post("/v1/payments", payment("in-1", "alice", "bob", 100, "USD", context));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(again.json().path("warnings")).isEqualTo(r.json().path("warnings"));
        assertThat(t.balance("bob")).isEqualTo(bob + 100);
    }

    @Test
    void anUnknownTopLevelFieldIsStillRefused() {
        String body = payment("in-top", "alice", "bob", 100, "USD", CONTEXT).replace("{\"id\"", "{\"tip\":1,\"id\"");
        TestServer.Resp r = t.post("/v1/payments", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("field").asText()).isEqualTo("tip");
    }

    @Test
    void requestsTheLedgerCouldNeverCarryOutAreProblemsAndLeaveTheIdFree() {
        expectProblem(payment("in-fix", "alice", "bbo", 100, "USD", CONTEXT), 404, "not_found", "payee");
        expectProblem(payment("in-fix", "alcie", "bob", 100, "USD", CONTEXT), 404, "not_found", "payer");
        expectProblem(payment("in-fix", "alice", "bob", 100, "USD", CONTEXT)
                .replace("\"context\"", "\"fee\":{\"account\":\"platfrom\",\"amount\":1},\"context\""), 404, "not_found",
                "fee.account");
        expectProblem(payment("in-fix", "alice", "bob", 100, "XTS", CONTEXT), 422, "unknown_currency", "currency");
        expectProblem(payment("in-fix", "alice", "bob", 100, "EUR", CONTEXT), 422, "currency_mismatch", "payer");
        expectProblem(payment("in-fix", "alice", "eve-eur", 100, "USD", CONTEXT), 422, "currency_mismatch", "payee");
        expectProblem(payment("in-fix", "alice", "alice", 100, "USD", CONTEXT), 400, "invalid_payment", "payee");
        assertThat(t.get("/v1/payments/in-fix").status()).isEqualTo(404);
        assertThat(t.get("/v1/transfers/in-fix").status()).isEqualTo(404);

        TestServer.Resp fixed = t.post("/v1/payments", payment("in-fix", "alice", "bob", 250, "USD", CONTEXT));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
        assertThat(fixed.json().path("decision").asText()).isEqualTo("approved");
        assertThat(fixed.json().path("replayed").asBoolean()).isFalse();
        assertThat(t.get("/v1/transfers/in-fix").json().path("amount").asLong()).isEqualTo(250);
    }

    @Test
    void businessOutcomesStayDecisionsWithTheirOwnReason() {
        TestServer.Resp poor = t.post("/v1/payments", payment("in-poor", "alice", "bob", FUNDS * 10, "USD", CONTEXT));
        assertThat(poor.status()).as(poor.body()).isEqualTo(201);
        assertThat(poor.json().path("decision").asText()).isEqualTo("declined");
        assertThat(poor.json().path("risk").path("reasons").toString()).contains("insufficient_funds");

        assertThat(t.createAccount("frozen-f", "merchant").status()).isEqualTo(201);
        assertThat(t.send("POST", "/v1/accounts/frozen-f/freeze", (String) null, t.adminKey).status()).isEqualTo(200);
        TestServer.Resp frozen = t.post("/v1/payments", payment("in-frozen", "alice", "frozen-f", 10, "USD", CONTEXT));
        assertThat(frozen.status()).as(frozen.body()).isEqualTo(201);
        assertThat(frozen.json().path("decision").asText()).isEqualTo("declined");
        assertThat(frozen.json().path("risk").path("reasons").toString()).contains("account_frozen");
    }

    static void expectProblem(String body, int status, String code, String field) {
        TestServer.Resp r = t.post("/v1/payments", body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.body()).isEqualTo(code);
        assertThat(r.json().path("field").asText()).as(r.body()).isEqualTo(field);
    }

    static java.util.List<String> fields(JsonNode reply) {
        java.util.List<String> out = new java.util.ArrayList<>();
        reply.path("warnings").forEach(w -> out.add(w.path("field").asText()));
        return out;
    }
}
