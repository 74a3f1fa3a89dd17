package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table of malformed requests: each must be answered 4xx application/problem+json with the right code,
 * never 5xx, and must change nothing (balances, account and transfer counts, holds).
 */
class BadInputTest {
    @TempDir
    static Path dir;
    static TestServer t;

    /** One row: a request and the answer it must get. */
    record Case(String name, String method, String path, byte[] body, int status, String code) {
        Case(String name, String method, String path, String body, int status, String code) {
            this(name, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), status, code);
        }
    }

    @BeforeAll
    static void start() {
        t = TestServer.start(dir);
        assertThat(t.createAccount("src", "settlement").status()).isEqualTo(201);
        assertThat(t.createAccount("w1", "wallet").status()).isEqualTo(201);
        assertThat(t.createAccount("m1", "merchant").status()).isEqualTo(201);
        assertThat(t.transfer("fund-w1", "src", "w1", 1_000).status()).isEqualTo(201);
        assertThat(t.post("/v1/transfers", "{\"id\":\"hold-1\",\"debit_account\":\"w1\",\"credit_account\":\"m1\","
                + "\"amount\":10,\"currency\":\"USD\",\"pending\":{\"timeout_s\":3600}}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (t != null) {
            t.close();
        }
    }

    private static String transfer(String amountJson) {
        return "{\"id\":\"bad-1\",\"debit_account\":\"w1\",\"credit_account\":\"m1\",\"amount\":" + amountJson
                + ",\"currency\":\"USD\"}";
    }

    private static String transferWith(String extraField) {
        return "{\"id\":\"bad-2\",\"debit_account\":\"w1\",\"credit_account\":\"m1\",\"amount\":5,\"currency\":\"USD\","
                + extraField + "}";
    }

    private static String batchOf(int n, String lastAmount) {
        StringBuilder b = new StringBuilder("{\"atomic\":false,\"transfers\":[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"id\":\"batch-").append(i)
                    .append("\",\"debit_account\":\"w1\",\"credit_account\":\"m1\",\"amount\":")
                    .append(i == n - 1 ? lastAmount : "1").append(",\"currency\":\"USD\"}");
        }
        return b.append("]}").toString();
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        transferCases(c);
        accountCases(c);
        batchQueryAndRoutingCases(c);
        return c;
    }

    private static final String INV = "invalid_request";

    private static void transferCases(List<Case> c) {
        String inv = INV;
        c.add(new Case("truncated JSON", "POST", "/v1/transfers", "{\"id\":", 400, inv));
        c.add(new Case("not JSON at all", "POST", "/v1/transfers", "amount=5", 400, inv));
        c.add(new Case("empty body", "POST", "/v1/transfers", "", 400, inv));
        c.add(new Case("array instead of object", "POST", "/v1/transfers", "[1,2]", 400, inv));
        c.add(new Case("string instead of object", "POST", "/v1/transfers", "\"hello\"", 400, inv));
        c.add(new Case("trailing garbage", "POST", "/v1/transfers", transfer("5") + " x", 400, inv));
        c.add(new Case("two JSON values", "POST", "/v1/transfers", transfer("5") + transfer("6"), 400, inv));
        c.add(new Case("negative amount", "POST", "/v1/transfers", transfer("-5"), 400, inv));
        c.add(new Case("zero amount", "POST", "/v1/transfers", transfer("0"), 400, inv));
        c.add(new Case("fractional amount", "POST", "/v1/transfers", transfer("1.5"), 400, inv));
        c.add(new Case("exponent amount", "POST", "/v1/transfers", transfer("1e3"), 400, inv));
        c.add(new Case("amount over Long.MAX", "POST", "/v1/transfers", transfer("9223372036854775808"), 400, inv));
        c.add(new Case("huge amount literal", "POST", "/v1/transfers", transfer("9".repeat(300)), 400, inv));
        c.add(new Case("amount string over Long.MAX", "POST", "/v1/transfers", transfer("\"9223372036854775808\""), 400, inv));
        c.add(new Case("amount string not digits", "POST", "/v1/transfers", transfer("\"12abc\""), 400, inv));
        c.add(new Case("amount string negative", "POST", "/v1/transfers", transfer("\"-5\""), 400, inv));
        c.add(new Case("amount boolean", "POST", "/v1/transfers", transfer("true"), 400, inv));
        c.add(new Case("amount null", "POST", "/v1/transfers", transfer("null"), 400, inv));
        c.add(new Case("amount object", "POST", "/v1/transfers", transfer("{\"value\":5}"), 400, inv));
        c.add(new Case("amount missing", "POST", "/v1/transfers",
                "{\"id\":\"bad-3\",\"debit_account\":\"w1\",\"credit_account\":\"m1\",\"currency\":\"USD\"}", 400, inv));
        c.add(new Case("debit_account missing", "POST", "/v1/transfers",
                "{\"id\":\"bad-3\",\"credit_account\":\"m1\",\"amount\":5,\"currency\":\"USD\"}", 400, inv));
        c.add(new Case("currency missing", "POST", "/v1/transfers",
                "{\"id\":\"bad-3\",\"debit_account\":\"w1\",\"credit_account\":\"m1\",\"amount\":5}", 400, inv));
        c.add(new Case("typo field ammount", "POST", "/v1/transfers",
                "{\"id\":\"bad-3\",\"debit_account\":\"w1\",\"credit_account\":\"m1\",\"ammount\":5,\"currency\":\"USD\"}", 400, inv));
        c.add(new Case("unknown extra field", "POST", "/v1/transfers", transferWith("\"fee\":1"), 400, inv));
        c.add(new Case("duplicate amount key", "POST", "/v1/transfers", transferWith("\"amount\":500"), 400, inv));
        c.add(new Case("id is a number", "POST", "/v1/transfers",
                "{\"id\":42,\"debit_account\":\"w1\",\"credit_account\":\"m1\",\"amount\":5,\"currency\":\"USD\"}", 400, inv));
        c.add(new Case("id too long", "POST", "/v1/transfers",
                "{\"id\":\"" + "x".repeat(65) + "\",\"debit_account\":\"w1\",\"credit_account\":\"m1\",\"amount\":5,\"currency\":\"USD\"}", 400, inv));
        c.add(new Case("id with bad characters", "POST", "/v1/transfers",
                "{\"id\":\"a b/c\",\"debit_account\":\"w1\",\"credit_account\":\"m1\",\"amount\":5,\"currency\":\"USD\"}", 400, inv));
        c.add(new Case("empty id", "POST", "/v1/transfers",
                "{\"id\":\"\",\"debit_account\":\"w1\",\"credit_account\":\"m1\",\"amount\":5,\"currency\":\"USD\"}", 400, inv));
        c.add(new Case("metadata value not a string", "POST", "/v1/transfers", transferWith("\"metadata\":{\"k\":1}"), 400, inv));
        c.add(new Case("metadata too many entries", "POST", "/v1/transfers", transferWith("\"metadata\":{"
                + String.join(",", java.util.stream.IntStream.range(0, 17).mapToObj(i -> "\"k" + i + "\":\"v\"").toList()) + "}"), 400, inv));
        c.add(new Case("metadata value too long", "POST", "/v1/transfers",
                transferWith("\"metadata\":{\"k\":\"" + "v".repeat(300) + "\"}"), 400, inv));
        c.add(new Case("pending timeout zero", "POST", "/v1/transfers", transferWith("\"pending\":{\"timeout_s\":0}"), 400, inv));
        c.add(new Case("pending timeout too long", "POST", "/v1/transfers",
                transferWith("\"pending\":{\"timeout_s\":99999999999}"), 400, inv));
        c.add(new Case("pending unknown field", "POST", "/v1/transfers", transferWith("\"pending\":{\"timeout\":60}"), 400, inv));
        c.add(new Case("pending not an object", "POST", "/v1/transfers", transferWith("\"pending\":true"), 400, inv));
        c.add(new Case("code too long", "POST", "/v1/transfers", transferWith("\"code\":\"" + "c".repeat(65) + "\""), 400, inv));
        c.add(new Case("deeply nested JSON", "POST", "/v1/transfers", "[".repeat(5000) + "]".repeat(5000), 400, inv));
        c.add(new Case("invalid UTF-8", "POST", "/v1/transfers", new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, 400, inv));
        c.add(new Case("same account", "POST", "/v1/transfers",
                "{\"id\":\"bad-4\",\"debit_account\":\"w1\",\"credit_account\":\"w1\",\"amount\":5,\"currency\":\"USD\"}", 422, "same_account"));
        c.add(new Case("insufficient funds", "POST", "/v1/transfers", transfer("1000000"), 422, "insufficient_funds"));
        c.add(new Case("currency mismatch", "POST", "/v1/transfers",
                "{\"id\":\"bad-5\",\"debit_account\":\"w1\",\"credit_account\":\"m1\",\"amount\":5,\"currency\":\"EUR\"}", 422, "currency_mismatch"));
        c.add(new Case("unknown account", "POST", "/v1/transfers",
                "{\"id\":\"bad-6\",\"debit_account\":\"w1\",\"credit_account\":\"nobody\",\"amount\":5,\"currency\":\"USD\"}", 404, "not_found"));
    }

    private static void accountCases(List<Case> c) {
        String inv = INV;
        c.add(new Case("account unknown currency", "POST", "/v1/accounts",
                "{\"id\":\"acct-x\",\"currency\":\"XYZ\",\"kind\":\"wallet\"}", 422, "unknown_currency"));
        c.add(new Case("account bad kind", "POST", "/v1/accounts", "{\"id\":\"acct-x\",\"currency\":\"USD\",\"kind\":\"piggybank\"}", 400, inv));
        c.add(new Case("account kind missing", "POST", "/v1/accounts", "{\"id\":\"acct-x\",\"currency\":\"USD\"}", 400, inv));
        c.add(new Case("account negative credit limit", "POST", "/v1/accounts",
                "{\"id\":\"acct-x\",\"currency\":\"USD\",\"kind\":\"wallet\",\"credit_limit\":-1}", 400, inv));
        c.add(new Case("account flag not boolean", "POST", "/v1/accounts",
                "{\"id\":\"acct-x\",\"currency\":\"USD\",\"kind\":\"wallet\",\"flags\":{\"no_overdraft\":\"yes\"}}", 400, inv));
        c.add(new Case("account unknown flag", "POST", "/v1/accounts",
                "{\"id\":\"acct-x\",\"currency\":\"USD\",\"kind\":\"wallet\",\"flags\":{\"overdraft\":true}}", 400, inv));
        c.add(new Case("account unknown field", "POST", "/v1/accounts",
                "{\"id\":\"acct-x\",\"currency\":\"USD\",\"kind\":\"wallet\",\"balance\":100}", 400, inv));
        c.add(new Case("account id conflict", "POST", "/v1/accounts", "{\"id\":\"w1\",\"currency\":\"EUR\",\"kind\":\"wallet\"}", 409, "id_conflict"));
    }

    private static void batchQueryAndRoutingCases(List<Case> c) {
        String inv = INV;
        byte[] big = new byte[5 << 20];
        java.util.Arrays.fill(big, (byte) ' ');
        c.add(new Case("oversized body", "POST", "/v1/transfers", big, 413, "payload_too_large"));
        c.add(new Case("oversized batch body", "POST", "/v1/transfers/batch", big, 413, "payload_too_large"));
        c.add(new Case("batch over 8192", "POST", "/v1/transfers/batch", batchOf(8193, "1"), 400, inv));
        c.add(new Case("batch empty", "POST", "/v1/transfers/batch", "{\"atomic\":true,\"transfers\":[]}", 400, inv));
        c.add(new Case("batch transfers missing", "POST", "/v1/transfers/batch", "{\"atomic\":true}", 400, inv));
        c.add(new Case("batch transfers not array", "POST", "/v1/transfers/batch", "{\"transfers\":{}}", 400, inv));
        c.add(new Case("batch atomic not boolean", "POST", "/v1/transfers/batch", "{\"atomic\":\"yes\",\"transfers\":[]}", 400, inv));
        c.add(new Case("batch with one malformed item", "POST", "/v1/transfers/batch", batchOf(5, "-1"), 400, inv));
        c.add(new Case("batch unknown field", "POST", "/v1/transfers/batch", "{\"atomic\":true,\"transfer\":[]}", 400, inv));
        c.add(new Case("limit not a number", "GET", "/v1/accounts/w1/transfers?limit=abc", (String) null, 400, inv));
        c.add(new Case("limit zero", "GET", "/v1/accounts/w1/transfers?limit=0", (String) null, 400, inv));
        c.add(new Case("limit too large", "GET", "/v1/accounts/w1/transfers?limit=1001", (String) null, 400, inv));
        c.add(new Case("limit negative", "GET", "/v1/accounts/w1/transfers?limit=-1", (String) null, 400, inv));
        c.add(new Case("cursor with spaces", "GET", "/v1/accounts/w1/transfers?cursor=a%20b", (String) null, 400, inv));
        c.add(new Case("cursor too long", "GET", "/v1/accounts/w1/transfers?cursor=" + "z".repeat(600), (String) null, 400, inv));
        c.add(new Case("cursor garbage", "GET", "/v1/accounts/w1/transfers?cursor=not-a-cursor", (String) null, 400, inv));
        c.add(new Case("path id too long", "GET", "/v1/accounts/" + "x".repeat(65), (String) null, 400, inv));
        c.add(new Case("path id bad chars", "GET", "/v1/transfers/a%20b", (String) null, 400, inv));
        c.add(new Case("unknown account", "GET", "/v1/accounts/nobody", (String) null, 404, "not_found"));
        c.add(new Case("unknown transfer", "GET", "/v1/transfers/nothing", (String) null, 404, "not_found"));
        c.add(new Case("post amount negative", "POST", "/v1/transfers/hold-1/post", "{\"amount\":-1}", 400, inv));
        c.add(new Case("post amount text", "POST", "/v1/transfers/hold-1/post", "{\"amount\":\"all\"}", 400, inv));
        c.add(new Case("post unknown field", "POST", "/v1/transfers/hold-1/post", "{\"amout\":5}", 400, inv));
        c.add(new Case("post more than held", "POST", "/v1/transfers/hold-1/post", "{\"amount\":11}", 422, "exceeds_pending_amount"));
        c.add(new Case("post a posted transfer", "POST", "/v1/transfers/fund-w1/post", "", 409, "not_pending"));
        c.add(new Case("void with options", "POST", "/v1/transfers/hold-1/void", "{\"force\":true}", 400, inv));
        c.add(new Case("freeze with options", "POST", "/v1/accounts/w1/freeze", "{\"reason\":\"x\"}", 400, inv));
        c.add(new Case("close non-empty", "POST", "/v1/accounts/w1/close", "", 409, "account_not_empty"));
        c.add(new Case("wrong method on transfers", "PUT", "/v1/transfers", (String) null, 405, "method_not_allowed"));
        c.add(new Case("listing transfers needs an account", "GET", "/v1/transfers", (String) null, 400, "invalid_request"));
        c.add(new Case("wrong method on account", "DELETE", "/v1/accounts/w1", (String) null, 405, "method_not_allowed"));
        c.add(new Case("PUT a transfer", "PUT", "/v1/transfers/fund-w1", "{}", 405, "method_not_allowed"));
        c.add(new Case("unknown path", "GET", "/v1/nothing-here", (String) null, 404, "not_found"));
    }

    /** Everything a bad request could have changed. */
    private static String state() {
        StringBuilder s = new StringBuilder();
        for (String id : List.of("src", "w1", "m1")) {
            JsonNode a = t.get("/v1/accounts/" + id).json();
            s.append(id).append(':').append(a.get("status").asText()).append(',').append(a.get("debits_posted"))
                    .append(',').append(a.get("credits_posted")).append(',').append(a.get("debits_pending"))
                    .append(',').append(a.get("credits_pending")).append(';');
        }
        JsonNode h = t.send("GET", "/health", (String) null, null).json();
        s.append("accounts=").append(h.get("accounts")).append(";transfers=").append(h.get("transfers_committed"))
                .append(";holds=").append(h.get("pending_holds"));
        s.append(";hold=").append(t.get("/v1/transfers/hold-1").json().get("status").asText());
        return s.toString();
    }

    @Test
    void everyMalformedRequestIsA4xxProblemAndChangesNothing() {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        String before = state();
        for (Case c : cases) {
            TestServer.Resp r = t.send(c.method(), c.path(), c.body(), t.operatorKey);
            assertThat(r.status()).as(c.name() + ": " + r.body()).isEqualTo(c.status());
            assertThat(r.contentType()).as(c.name()).startsWith("application/problem+json");
            assertThat(r.code()).as(c.name() + ": " + r.body()).isEqualTo(c.code());
            assertThat(r.json().get("status").asInt()).as(c.name()).isEqualTo(c.status());
            assertThat(r.json().get("type").asText()).as(c.name()).endsWith(c.code());
            assertThat(r.json().get("title").asText()).as(c.name()).isNotBlank();
            assertThat(r.json().get("detail").asText()).as(c.name()).isNotBlank();
            assertThat(state()).as("state after " + c.name()).isEqualTo(before);
        }
        assertThat(t.get("/v1/transfers/batch-0").status()).as("no item of a refused batch was applied").isEqualTo(404);
        assertThat(t.send("GET", "/metrics", (String) null, null).body())
                .contains("farthing_refusals_total{code=\"invalid_request\"}")
                .doesNotContain("status=\"500\"");
    }

    /** Requests Jetty refuses before they reach the API are problem+json too. */
    @Test
    void protocolLevelGarbageIsAlsoAProblem() throws Exception {
        String auth = "Authorization: Bearer " + t.operatorKey + "\r\n";
        List<String> raw = List.of(
                "GET /v1/accounts/%zz HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n",
                "GET /v1/accounts/" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /v1/accounts/w1 HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(10_000) + "\r\nConnection: close\r\n\r\n",
                "POST /v1/transfers HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: abc\r\nConnection: close\r\n\r\n{}",
                "POST /v1/transfers HTTP/1.1\r\nHost: x\r\n" + auth
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                "BREW /v1/transfers HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n");
        String before = state();
        for (String request : raw) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", t.server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                String what = request.substring(0, Math.min(60, request.indexOf('\r')));
                int status = Integer.parseInt(response.substring(9, 12));
                assertThat(status).as(what + " => " + response).isBetween(400, 499);
                assertThat(response).as(what).containsIgnoringCase("Content-Type: application/problem+json");
                assertThat(response).as(what).contains("\"code\":\"");
            }
        }
        assertThat(state()).isEqualTo(before);
    }
}
