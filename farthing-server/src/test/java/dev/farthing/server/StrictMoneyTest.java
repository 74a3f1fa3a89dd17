package dev.farthing.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every amount the HTTP API reads must be a JSON integer: a string of digits ({@code "100"}), an integral float
 * ({@code 100.0}) or an exponent ({@code 1e2}) is a 400 that names the field, on every route that reads one, and
 * moves no money.
 */
class StrictMoneyTest {
    static final String CHANNEL = "AB".repeat(32);
    static final String KEY = "ED" + "11".repeat(32);
    @TempDir
    static Path dir;
    static TestServer t;

    record Route(String name, String path, String body, String code, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String CTX = "\"context\":{\"device_id\":\"d-1\",\"ip\":\"203.0.113.7\"}";

    static List<Route> routes() {
        List<Route> r = new ArrayList<>();
        for (String amount : List.of("\"100\"", "100.0", "1e2")) {
            String a = " (amount " + amount + ")";
            r.add(new Route("transfer" + a, "/v1/transfers", "{\"id\":\"m-1\",\"debit_account\":\"bank\","
                    + "\"credit_account\":\"alice\",\"amount\":" + amount + ",\"currency\":\"USD\"}", "invalid_request", "amount"));
            r.add(new Route("batch" + a, "/v1/transfers/batch", "{\"atomic\":true,\"transfers\":[{\"id\":\"m-2\","
                    + "\"debit_account\":\"bank\",\"credit_account\":\"alice\",\"amount\":" + amount + ",\"currency\":\"USD\"}]}",
                    "invalid_request", "transfers[0].amount"));
            r.add(new Route("hold timeout" + a, "/v1/transfers", "{\"id\":\"m-3\",\"debit_account\":\"bank\","
                    + "\"credit_account\":\"alice\",\"amount\":5,\"currency\":\"USD\",\"pending\":{\"timeout_s\":" + amount
                    + "}}", "invalid_request", "pending.timeout_s"));
            r.add(new Route("partial post" + a, "/v1/transfers/hold-1/post", "{\"amount\":" + amount + "}",
                    "invalid_request", "amount"));
            r.add(new Route("credit limit" + a, "/v1/accounts", "{\"id\":\"m-acc\",\"currency\":\"USD\",\"kind\":\"wallet\","
                    + "\"credit_limit\":" + amount + "}", "invalid_request", "credit_limit"));
            r.add(new Route("channel open" + a, "/v1/channels", "{\"id\":\"" + CHANNEL + "\",\"kind\":\"one_way\","
                    + "\"payer\":\"alice\",\"payee\":\"bob\",\"amount\":" + amount + ",\"currency\":\"USD\",\"public_key\":\""
                    + KEY + "\",\"settle_delay_s\":3600}", "invalid_request", "amount"));
            r.add(new Route("channel fund" + a, "/v1/channels/" + CHANNEL + "/fund", "{\"amount\":" + amount + "}",
                    "invalid_request", "amount"));
            r.add(new Route("channel claim" + a, "/v1/channels/" + CHANNEL + "/claims", "{\"amount\":" + amount
                    + ",\"signature\":\"" + "00".repeat(64) + "\"}", "invalid_request", "amount"));
            r.add(new Route("channel close" + a, "/v1/channels/" + CHANNEL + "/close", "{\"by\":\"payee\",\"amount\":"
                    + amount + "}", "invalid_request", "amount"));
            r.add(new Route("channel arbitration" + a, "/v1/channels/" + CHANNEL + "/arbitrate", "{\"balance_a\":"
                    + amount + ",\"balance_b\":0,\"signatures\":{}}", "invalid_request", "balance_a"));
            r.add(new Route("payment" + a, "/v1/payments", "{\"id\":\"m-pay\",\"payer\":\"alice\",\"payee\":\"bob\","
                    + "\"amount\":" + amount + ",\"currency\":\"USD\"," + CTX + "}", "invalid_payment", "amount"));
            r.add(new Route("payment fee" + a, "/v1/payments", "{\"id\":\"m-pay\",\"payer\":\"alice\",\"payee\":\"bob\","
                    + "\"amount\":5,\"currency\":\"USD\",\"fee\":{\"account\":\"platform\",\"amount\":" + amount + "},"
                    + CTX + "}", "invalid_payment", "fee.amount"));
        }
        return r;
    }

    @BeforeAll
    static void start() {
        t = TestServer.start(dir);
        t.createAccount("bank", "settlement");
        t.createAccount("alice", "wallet");
        t.createAccount("bob", "wallet");
        t.createAccount("platform", "fee");
        assertThat(t.transfer("fund", "bank", "alice", 1_000).status()).isEqualTo(201);
        TestServer.Resp hold = t.post("/v1/transfers", "{\"id\":\"hold-1\",\"debit_account\":\"alice\","
                + "\"credit_account\":\"bob\",\"amount\":300,\"currency\":\"USD\",\"pending\":{\"timeout_s\":600}}");
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        assertThat(t.balance("alice")).isEqualTo(1_000);
        assertThat(t.balance("bob")).isZero();
        assertThat(t.balance("platform")).isZero();
        assertThat(t.get("/v1/transfers/hold-1").json().path("status").asText()).isEqualTo("pending");
        t.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void aNonIntegerAmountIsRefusedNamingTheField(Route route) {
        TestServer.Resp r = t.post(route.path(), route.body());
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.code()).as(r.body()).isEqualTo(route.code());
        assertThat(r.json().path("detail").asText()).as(r.body()).startsWith(route.field() + " ");
        if (route.code().equals("invalid_payment")) {
            assertThat(r.json().path("field").asText()).isEqualTo(route.field());
            assertThat(t.get("/v1/payments/m-pay").status()).isEqualTo(404);
        }
        for (String id : List.of("m-1", "m-2", "m-3", "m-pay")) {
            assertThat(t.get("/v1/transfers/" + id).status()).as(id).isEqualTo(404);
        }
        assertThat(t.get("/v1/accounts/m-acc").status()).isEqualTo(404);
        assertThat(t.get("/v1/channels/" + CHANNEL).status()).isEqualTo(404);
    }
}
