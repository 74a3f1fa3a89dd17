package dev.farthing.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table of bad {@code POST /v1/payments} bodies: each is refused with 400 naming the field (or the body),
 * and changes nothing: no payment is recorded under its id, and no money moves.
 */
class RiskBadPaymentsTest {
    @TempDir
    static Path dir;
    static TestServer t;

    record Bad(String name, String body, String code, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String CTX = "\"context\":{\"device_id\":\"d\",\"ip\":\"10.0.0.1\"}";
    static final String HEAD = "\"id\":\"bad-1\",\"payer\":\"alice\",\"payee\":\"bob\",";

    static List<Bad> bodies() {
        return List.of(
                new Bad("empty body", "", "invalid_request", null),
                new Bad("malformed JSON", "{\"id\":", "invalid_request", null),
                new Bad("duplicate key", "{" + HEAD + "\"amount\":5,\"amount\":6,\"currency\":\"USD\"," + CTX + "}", "invalid_request", null),
                new Bad("array body", "[]", "invalid_payment", ""),
                new Bad("missing id", "{\"payer\":\"alice\",\"payee\":\"bob\",\"amount\":5,\"currency\":\"USD\"," + CTX + "}", "invalid_payment", "id"),
                new Bad("bad id characters", "{\"id\":\"bad 1\",\"payer\":\"alice\",\"payee\":\"bob\",\"amount\":5,\"currency\":\"USD\"," + CTX + "}", "invalid_payment", "id"),
                new Bad("missing payer", "{\"id\":\"bad-1\",\"payee\":\"bob\",\"amount\":5,\"currency\":\"USD\"," + CTX + "}", "invalid_payment", "payer"),
                new Bad("payer is payee", "{\"id\":\"bad-1\",\"payer\":\"bob\",\"payee\":\"bob\",\"amount\":5,\"currency\":\"USD\"," + CTX + "}", "invalid_payment", "payee"),
                new Bad("zero amount", "{" + HEAD + "\"amount\":0,\"currency\":\"USD\"," + CTX + "}", "invalid_payment", "amount"),
                new Bad("negative amount", "{" + HEAD + "\"amount\":-5,\"currency\":\"USD\"," + CTX + "}", "invalid_payment", "amount"),
                new Bad("fractional amount", "{" + HEAD + "\"amount\":1.5,\"currency\":\"USD\"," + CTX + "}", "invalid_payment", "amount"),
                new Bad("amount as a string of digits", "{" + HEAD + "\"amount\":\"5\",\"currency\":\"USD\"," + CTX + "}", "invalid_payment", "amount"),
                new Bad("amount as an integral float", "{" + HEAD + "\"amount\":5.0,\"currency\":\"USD\"," + CTX + "}", "invalid_payment", "amount"),
                new Bad("amount as words", "{" + HEAD + "\"amount\":\"five\",\"currency\":\"USD\"," + CTX + "}", "invalid_payment", "amount"),
                new Bad("amount beyond a long", "{" + HEAD + "\"amount\":99999999999999999999,\"currency\":\"USD\"," + CTX + "}", "invalid_payment", "amount"),
                new Bad("lower-case currency", "{" + HEAD + "\"amount\":5,\"currency\":\"usd\"," + CTX + "}", "invalid_payment", "currency"),
                new Bad("unknown field", "{" + HEAD + "\"amount\":5,\"currency\":\"USD\",\"tip\":1," + CTX + "}", "invalid_payment", "tip"),
                new Bad("zero fee", "{" + HEAD + "\"amount\":5,\"currency\":\"USD\",\"fee\":{\"account\":\"platform\",\"amount\":0}," + CTX + "}", "invalid_payment", "fee.amount"),
                new Bad("fee without account", "{" + HEAD + "\"amount\":5,\"currency\":\"USD\",\"fee\":{\"amount\":1}," + CTX + "}", "invalid_payment", "fee.account"),
                new Bad("fee paid to the payer", "{" + HEAD + "\"amount\":5,\"currency\":\"USD\",\"fee\":{\"account\":\"alice\",\"amount\":1}," + CTX + "}", "invalid_payment", "fee.account"),
                new Bad("missing context", "{" + HEAD + "\"amount\":5,\"currency\":\"USD\"}", "invalid_payment", "context"),
                new Bad("missing device", "{" + HEAD + "\"amount\":5,\"currency\":\"USD\",\"context\":{\"ip\":\"10.0.0.1\"}}", "invalid_payment", "context.device_id"),
                new Bad("missing ip", "{" + HEAD + "\"amount\":5,\"currency\":\"USD\",\"context\":{\"device_id\":\"d\"}}", "invalid_payment", "context.ip"),
                new Bad("device id not a string", "{" + HEAD + "\"amount\":5,\"currency\":\"USD\",\"context\":{\"device_id\":7,\"ip\":\"10.0.0.1\"}}", "invalid_payment", "context.device_id"),
                new Bad("ip that is a hostname", "{" + HEAD + "\"amount\":5,\"currency\":\"USD\",\"context\":{\"device_id\":\"d\",\"ip\":\"example.com\"}}", "invalid_payment", "context.ip"));
    }

    @BeforeAll
    static void start() {
        t = TestServer.start(dir);
        t.createAccount("alice", "wallet");
        t.createAccount("bob", "merchant");
        t.createAccount("platform", "fee");
        t.createAccount("bank", "settlement");
        t.transfer("fund", "bank", "alice", 1_000);
    }

    @AfterAll
    static void stop() {
        assertThat(t.balance("alice")).isEqualTo(1_000);
        assertThat(t.balance("bob")).isZero();
        assertThat(t.balance("platform")).isZero();
        t.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void refusedWithTheFieldAndNoStateChange(Bad bad) {
        TestServer.Resp r = t.post("/v1/payments", bad.body());
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.body()).isEqualTo(bad.code());
        if (bad.field() != null) {
            assertThat(r.json().path("field").asText()).as(r.body()).isEqualTo(bad.field());
        }
        assertThat(t.get("/v1/payments/bad-1").status()).isEqualTo(404);
        assertThat(t.get("/v1/transfers/bad-1").status()).isEqualTo(404);
    }
}
