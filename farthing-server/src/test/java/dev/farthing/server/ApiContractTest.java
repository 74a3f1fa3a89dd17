package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.channel.protocol.Claim;
import dev.farthing.channel.protocol.XrplKeys;
import dev.farthing.channels.ChannelError;
import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.customers.customer.CustomerError;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.Hex;
import dev.farthing.keys.SoftwareSigner;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.risk.policy.PolicyError;
import dev.farthing.risk.policy.PolicyException;
import dev.farthing.server.http.Problems;
import dev.farthing.server.http.risk.RiskProblems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract, kept true: every reply of a table of requests driving each error path the server has (and
 * the success paths around them) has a status, content type and body the OpenAPI document gives for its
 * operation; every problem code the code base can produce (collected from its enums and constants) is in the
 * document's enum and no other is; every operation has a description and an example that fits its schema.
 */
class ApiContractTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final OpenApiDocument DOC = OpenApiDocument.load();
    @TempDir
    static Path dir;
    static TestServer t;
    /** Every contract breach seen, reported together at the end of the scenario. */
    static final List<String> breaches = new ArrayList<>();
    /** A first body per documented reply ("GET /v1/accounts/{id} 200"), written out to help keep examples real. */
    static final Map<String, JsonNode> observed = new TreeMap<>();
    /** Replies the scenario did not expect. */
    static final List<String> unexpected = new ArrayList<>();

    @BeforeAll
    static void start() {
        t = TestServer.start(dir);
    }

    @AfterAll
    static void stop() throws IOException {
        if (t != null) {
            t.close();
        }
        ObjectNode out = TestServer.MAPPER.createObjectNode();
        observed.forEach(out::set);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi-observed.json"), out.toPrettyString());
    }

    // ---- one request, checked against the document ----

    static TestServer.Resp call(String method, String path, String contentType, String body, String key) {
        TestServer.Resp r = t.send(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), key);
        conform(method, path, r);
        return r;
    }

    static TestServer.Resp call(String method, String path, String body, String key) {
        return call(method, path, body == null ? null : "application/json", body, key);
    }

    static TestServer.Resp post(String path, String body) {
        return call("POST", path, body, t.operatorKey);
    }

    static TestServer.Resp get(String path) {
        return call("GET", path, null, t.auditorKey);
    }

    /** Records how a reply breaks the document, if it does. */
    static void conform(String method, String path, TestServer.Resp r) {
        String where = method + " " + path + " -> " + r.status() + " " + abbreviate(r.body());
        String media = r.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String template = DOC.templateOf(method, path);
        JsonNode schema;
        if (template == null) {
            // No operation: only a problem (404 no such endpoint, 405 wrong method) may answer.
            if (r.status() != 404 && r.status() != 405) {
                breaches.add(where + ": no documented operation, yet not 404/405");
            }
            schema = DOC.root.at("/components/schemas/Problem");
            if (!media.equals(Problems.CONTENT_TYPE)) {
                breaches.add(where + ": content type " + media + ", not " + Problems.CONTENT_TYPE);
                return;
            }
        } else {
            JsonNode response = DOC.response(DOC.operation(method, template), r.status());
            if (response.isMissingNode()) {
                breaches.add(where + ": status " + r.status() + " is not documented for " + method + " " + template);
                return;
            }
            JsonNode content = response.path("content").path(media);
            if (content.isMissingNode()) {
                breaches.add(where + ": content type '" + media + "' is not documented for " + r.status());
                return;
            }
            schema = content.path("schema");
            observed.putIfAbsent(method + " " + template + " " + r.status(), r.json());
        }
        if (r.status() >= 400 && !media.equals(Problems.CONTENT_TYPE)) {
            breaches.add(where + ": an error that is not " + Problems.CONTENT_TYPE);
        }
        if (media.endsWith("json")) {
            if (r.json() == null) {
                breaches.add(where + ": a JSON content type without a JSON body");
                return;
            }
            for (String e : DOC.validate(r.json(), schema)) {
                breaches.add(where + ": " + e);
            }
        }
    }

    /** Records a reply that is not the one the scenario expects (all are reported together). */
    static void expect(TestServer.Resp r, int status, String code) {
        if (r.status() != status || (code != null && !code.equals(r.code()))) {
            unexpected.add("wanted " + status + (code == null ? "" : " " + code) + ", got " + r.status() + " "
                    + abbreviate(r.body()));
        }
    }

    // ---- the scenario ----

    @Test
    void everyErrorPathAnswersAsDocumented() {
        ledgerPaths();
        riskPaths();
        channelPaths();
        httpLayerPaths();
        assertThat(unexpected).as("replies the scenario did not expect").isEmpty();
        assertThat(breaches).as("replies that break openapi.json").isEmpty();
    }

    private static String account(String id, String currency, String kind) {
        return "{\"id\":\"" + id + "\",\"currency\":\"" + currency + "\",\"kind\":\"" + kind + "\"}";
    }

    private static String transfer(String id, String debit, String credit, long amount, String currency) {
        return "{\"id\":\"" + id + "\",\"debit_account\":\"" + debit + "\",\"credit_account\":\"" + credit
                + "\",\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}";
    }

    private static void ledgerPaths() {
        expect(post("/v1/accounts", account("bank", "USD", "settlement")), 201, null);
        expect(post("/v1/accounts", account("bank", "USD", "settlement")), 200, null);
        expect(post("/v1/accounts", account("bank", "EUR", "settlement")), 409, "id_conflict");
        expect(post("/v1/accounts", account("alice", "USD", "wallet")), 201, null);
        expect(post("/v1/accounts", account("bob", "USD", "merchant")), 201, null);
        expect(post("/v1/accounts", account("platform", "USD", "fee")), 201, null);
        expect(post("/v1/accounts", account("erin", "EUR", "wallet")), 201, null);
        expect(post("/v1/accounts", account("fred", "USD", "wallet")), 201, null);
        expect(post("/v1/accounts", account("gone", "USD", "wallet")), 201, null);
        expect(post("/v1/accounts", account("x", "XYZ", "wallet")), 422, "unknown_currency");
        expect(post("/v1/accounts", account("sys.mine", "USD", "wallet")), 403, "system_account");
        expect(post("/v1/accounts", "{\"id\":"), 400, "invalid_request");
        expect(post("/v1/accounts", "{\"id\":\"y\",\"currency\":\"USD\",\"kind\":\"wallet\",\"colour\":1}"), 400, "invalid_request");
        expect(call("POST", "/v1/accounts", account("z", "USD", "wallet"), null), 401, "unauthorized");
        expect(call("POST", "/v1/accounts", account("z", "USD", "wallet"), t.auditorKey), 403, "forbidden");
        expect(call("POST", "/v1/accounts", "text/plain", account("z", "USD", "wallet"), t.operatorKey), 415,
                "unsupported_media_type");
        expect(call("POST", "/v1/accounts", null, account("z", "USD", "wallet"), t.operatorKey), 415,
                "unsupported_media_type");
        expect(call("POST", "/v1/accounts", "application/json", "[" + " ".repeat(5 << 20) + "]", t.operatorKey), 413,
                "payload_too_large");
        expect(get("/v1/accounts/alice"), 200, null);
        expect(get("/v1/accounts/nobody"), 404, "not_found");
        expect(get("/v1/accounts/bad%20id"), 400, "invalid_request");
        expect(get("/v1/accounts?limit=2"), 200, null);
        expect(get("/v1/accounts?limit=0"), 400, "invalid_request");
        expect(get("/v1/accounts?limit=1001"), 400, "invalid_request");

        expect(post("/v1/transfers", transfer("fund-alice", "bank", "alice", 10_000, "USD")), 201, null);
        expect(post("/v1/transfers", transfer("fund-alice", "bank", "alice", 10_000, "USD")), 200, null);
        expect(post("/v1/transfers", transfer("fund-alice", "bank", "alice", 9_999, "USD")), 409, "id_conflict");
        expect(post("/v1/transfers", transfer("t-poor", "fred", "alice", 1, "USD")), 422, "insufficient_funds");
        expect(post("/v1/transfers", transfer("t-eur", "alice", "erin", 1, "USD")), 422, "currency_mismatch");
        expect(post("/v1/transfers", transfer("t-self", "alice", "alice", 1, "USD")), 422, "same_account");
        expect(post("/v1/transfers", transfer("t-ghost", "alice", "nobody", 1, "USD")), 404, "not_found");
        expect(post("/v1/transfers", transfer("t-big", "bank", "alice", Long.MAX_VALUE, "USD")), 422, "overflow");
        expect(post("/v1/transfers", transfer("t-sys", "alice", "sys.fee", 1, "USD")), 403, "system_account");
        expect(post("/v1/transfers", transfer("t-amt", "alice", "bob", 1, "USD").replace("\"amount\":1", "\"amount\":1.5")),
                400, "invalid_request");
        expect(post("/v1/accounts/fred/freeze", "{}"), 200, null);
        expect(post("/v1/transfers", transfer("t-frozen", "alice", "fred", 1, "USD")), 422, "account_frozen");
        expect(post("/v1/accounts/fred/unfreeze", null), 200, null);
        expect(post("/v1/accounts/gone/close", null), 200, null);
        expect(post("/v1/transfers", transfer("t-closed", "alice", "gone", 1, "USD")), 422, "account_closed");
        expect(post("/v1/accounts/alice/close", null), 409, "account_not_empty");
        expect(post("/v1/accounts/alice/freeze", "{\"why\":1}"), 400, "invalid_request");
        expect(post("/v1/accounts/nobody/freeze", null), 404, "not_found");

        String hold = "{\"id\":\"hold-1\",\"debit_account\":\"alice\",\"credit_account\":\"bob\",\"amount\":50,"
                + "\"currency\":\"USD\",\"pending\":{\"timeout_s\":3600}}";
        expect(post("/v1/transfers", hold), 201, null);
        expect(post("/v1/transfers/hold-1/post", "{\"amount\":51}"), 422, "exceeds_pending_amount");
        expect(post("/v1/transfers/hold-1/post", "{\"amount\":20}"), 200, null);
        expect(post("/v1/transfers/hold-1/void", null), 409, "already_posted");
        expect(post("/v1/transfers", hold.replace("hold-1", "hold-2")), 201, null);
        expect(post("/v1/transfers/hold-2/void", null), 200, null);
        expect(post("/v1/transfers/hold-2/post", null), 409, "already_voided");
        expect(post("/v1/transfers/fund-alice/void", null), 409, "not_pending");
        expect(post("/v1/transfers/nothing/post", null), 404, "not_found");
        expect(get("/v1/transfers/fund-alice"), 200, null);
        expect(get("/v1/transfers/nothing"), 404, "not_found");
        expect(post("/v1/transfers/batch", "{\"atomic\":true,\"transfers\":[" + transfer("b-1", "alice", "bob", 1, "USD")
                + "," + transfer("b-2", "bob", "alice", 1_000_000, "USD") + "]}"), 200, null);
        expect(post("/v1/transfers/batch", "{\"atomic\":true,\"transfers\":[" + transfer("b-3", "alice", "sys.x", 1, "USD")
                + "]}"), 403, "system_account");
        expect(post("/v1/transfers/batch", "{\"transfers\":[]}"), 400, "invalid_request");

        expect(get("/v1/transfers?account=alice&limit=2"), 200, null);
        TestServer.Resp first = get("/v1/transfers?account=alice&limit=1");
        expect(get("/v1/transfers?account=alice&limit=1&after=" + first.json().path("next_cursor").asText()), 200, null);
        expect(get("/v1/transfers?limit=2"), 400, "invalid_request");
        expect(get("/v1/transfers?account=nobody"), 404, "not_found");
        expect(get("/v1/transfers?account=alice&after=not-a-cursor"), 400, "invalid_request");
        expect(get("/v1/accounts/alice/transfers?limit=1"), 200, null);
        expect(get("/v1/accounts/alice/transfers?cursor=x"), 400, "invalid_request");
        expect(get("/v1/accounts/nobody/transfers"), 404, "not_found");

        expect(call("POST", "/v1/admin/snapshot", null, t.adminKey), 200, null);
        expect(call("POST", "/v1/admin/snapshot", null, t.operatorKey), 403, "forbidden");
        expect(call("POST", "/v1/admin/breaker/reset", null, t.adminKey), 200, null);
        expect(call("POST", "/v1/admin/breaker/reset", "{\"force\":true}", t.adminKey), 400, "invalid_request");
        expect(call("GET", "/health", null, null), 200, null);
        expect(call("GET", "/metrics", null, null), 200, null);
        expect(call("GET", "/openapi.json", null, null), 200, null);
    }

    private static String payment(String id, long amount, String payee) {
        return "{\"id\":\"" + id + "\",\"payer\":\"alice\",\"payee\":\"" + payee + "\",\"amount\":" + amount
                + ",\"currency\":\"USD\",\"fee\":{\"account\":\"platform\",\"amount\":1},"
                + "\"context\":{\"device_id\":\"d-1\",\"ip\":\"10.0.0.1\",\"country\":\"GB\"}}";
    }

    private static void riskPaths() {
        ObjectNode policy = TestServer.MAPPER.createObjectNode().put("source", RiskHttpTest.POLICY);
        expect(call("PUT", "/v1/policies", policy.toString(), t.adminKey), 200, null);
        expect(call("PUT", "/v1/policies", "text/plain", RiskHttpTest.POLICY, t.adminKey), 200, null);
        expect(call("PUT", "/v1/policies", "application/xml", "<policy/>", t.adminKey), 415, "unsupported_media_type");
        expect(call("PUT", "/v1/policies", "{\"source\":\"rule x: => nonsense\"}", t.adminKey), 422, "invalid_policy");
        expect(call("PUT", "/v1/policies", policy.toString(), t.operatorKey), 403, "forbidden");
        expect(get("/v1/policies"), 200, null);

        expect(post("/v1/payments", payment("pay-1", 10, "bob")), 201, null);
        expect(post("/v1/payments", payment("pay-1", 10, "bob")), 200, null);
        expect(post("/v1/payments", payment("pay-1", 11, "bob")), 409, "id_conflict");
        expect(post("/v1/payments", payment("pay-2", -5, "bob")), 400, "invalid_payment");
        expect(post("/v1/payments", payment("pay-3", 10, "nobody")), 404, "not_found");
        expect(post("/v1/payments", payment("pay-4", 10, "erin")), 422, "currency_mismatch");
        expect(post("/v1/payments", payment("pay-5", 10, "bob").replace("\"USD\"", "\"XYZ\"")), 422, "unknown_currency");
        expect(post("/v1/payments", ""), 400, "invalid_request");
        expect(post("/v1/payments", payment("ch-1", 77, "bob")), 201, null);
        expect(post("/v1/payments/pay-1/challenge", "{\"passed\":true}"), 409, "invalid_state");
        expect(post("/v1/payments/ch-1/challenge", "{\"passed\":true}"), 403, "stepup_proof_required");
        expect(post("/v1/payments/ch-1/challenge", "{\"passed\":false}"), 200, null);
        expect(post("/v1/payments/ch-1/challenge", "{\"passed\":false}"), 409, "already_resolved");
        expect(post("/v1/payments/ghost/challenge", "{\"passed\":true}"), 404, "not_found");
        expect(post("/v1/payments/ch-1/challenge", "{\"passed\":\"yes\"}"), 400, "invalid_request");
        expect(post("/v1/payments", payment("rv-1", 88, "bob")), 201, null);
        expect(get("/v1/reviews?status=open"), 200, null);
        expect(get("/v1/reviews?status=maybe"), 400, "invalid_request");
        expect(call("POST", "/v1/reviews/rv-1", "{\"verdict\":\"approve\",\"label\":\"legit\"}", t.reviewerKey), 200, null);
        expect(call("POST", "/v1/reviews/rv-1", "{\"verdict\":\"decline\"}", t.reviewerKey), 409, null);
        expect(call("POST", "/v1/reviews/ghost", "{\"verdict\":\"approve\"}", t.reviewerKey), 404, "not_found");
        expect(call("POST", "/v1/reviews/rv-1", "{\"verdict\":\"perhaps\"}", t.reviewerKey), 400, "invalid_request");
        expect(post("/v1/payments/pay-1/label", "{\"label\":\"fraud\",\"source\":\"chargeback\"}"), 201, null);
        expect(post("/v1/payments/ghost/label", "{\"label\":\"fraud\",\"source\":\"chargeback\"}"), 404, "not_found");
        expect(post("/v1/payments/pay-1/label", "{\"label\":\"fraud\"}"), 400, "invalid_request");
        expect(get("/v1/payments/pay-1"), 200, null);
        expect(get("/v1/payments/ghost"), 404, "not_found");
        expect(get("/v1/payments?status=posted&limit=1"), 200, null);
        expect(get("/v1/payments?status=sideways"), 400, "invalid_request");

        expect(get("/v1/models"), 200, null);
        expect(get("/v1/models/metrics"), 200, null);
        String active = get("/v1/models").json().path("active").asText();
        if (!active.isEmpty()) {
            expect(get("/v1/models/" + active + "/drift"), 200, null);
            expect(call("POST", "/v1/models/" + active + "/shadow", null, t.adminKey), 409, "model_is_active");
            expect(call("POST", "/v1/models/" + active + "/activate", null, t.adminKey), 200, null);
        }
        expect(call("POST", "/v1/models/m-0000000000000000/activate", null, t.adminKey), 404, "unknown_model_version");
        expect(call("POST", "/v1/models/m-0000000000000000/shadow", null, t.adminKey), 404, "unknown_model_version");
        expect(get("/v1/models/m-0000000000000000/drift"), 404, "unknown_model_version");
        expect(get("/v1/models/bad!version/drift"), 400, "invalid_request");
    }

    private static void channelPaths() {
        SoftwareSigner payer = Ed25519.generate(RANDOM);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String id = Hex.encode(raw).toUpperCase(Locale.ROOT);
        String open = "{\"id\":\"" + id + "\",\"kind\":\"one_way\",\"payer\":\"alice\",\"payee\":\"bob\",\"amount\":1000,"
                + "\"currency\":\"USD\",\"public_key\":\"" + XrplKeys.toXrpl(payer.publicKey()) + "\",\"settle_delay_s\":3600}";
        expect(post("/v1/channels", open), 201, null);
        expect(post("/v1/channels", open), 200, null);
        expect(post("/v1/channels", open.replace("\"settle_delay_s\":3600", "\"settle_delay_s\":7200")), 409, "channel_exists");
        expect(post("/v1/channels/" + id + "/fund", "{\"amount\":100}"), 200, null);
        expect(post("/v1/channels/" + id + "/fund", "{\"amount\":100000000}"), 422, "insufficient_funds");
        String claim400 = "{\"amount\":400,\"signature\":\"" + Hex.encode(payer.sign(new Claim(raw, 400).bytes())) + "\"}";
        expect(post("/v1/channels/" + id + "/claims", claim400), 200, null);
        expect(post("/v1/channels/" + id + "/claims", claim400), 409, "claim_not_above_paid");
        expect(post("/v1/channels/" + id + "/claims", "{\"amount\":5000,\"signature\":\""
                + Hex.encode(payer.sign(new Claim(raw, 5000).bytes())) + "\"}"), 422, "claim_exceeds_deposit");
        expect(post("/v1/channels/" + id + "/claims", "{\"amount\":500,\"signature\":\"" + "00".repeat(64) + "\"}"),
                422, "invalid_signature");
        expect(post("/v1/channels/" + id + "/claims", "{\"amount\":500,\"sig\":\"x\"}"), 400, "invalid_request");
        expect(post("/v1/channels/" + id + "/dispute", "{\"state_nonce\":1,\"revocation_secret\":\"" + "00".repeat(32)
                + "\"}"), 409, "wrong_channel_kind");
        expect(get("/v1/channels/" + id), 200, null);
        expect(get("/v1/channels/events?after=0"), 200, null);
        expect(get("/v1/channels/events?after=minus"), 400, "invalid_request");
        expect(post("/v1/channels/" + id + "/close", "{\"by\":\"payee\"}"), 200, null);
        expect(post("/v1/channels/" + id + "/claims", "{\"amount\":600,\"signature\":\""
                + Hex.encode(payer.sign(new Claim(raw, 600).bytes())) + "\"}"), 409, "channel_closed");
        expect(get("/v1/channels/" + "ab".repeat(32)), 404, "channel_not_found");
        expect(get("/v1/channels/xyz"), 400, "invalid_request");
    }

    private static void httpLayerPaths() {
        expect(call("DELETE", "/v1/accounts/alice", null, t.operatorKey), 405, "method_not_allowed");
        expect(call("GET", "/v1/nowhere", null, t.operatorKey), 404, "not_found");
        expect(call("GET", "/v1/accounts/alice", null, "fk_not_a_key"), 401, "unauthorized");
        // Refused by Jetty before any route: still problem+json with a documented code.
        raw("GET /health HTTP/2.0\r\nHost: x\r\n\r\n", 426, "unsupported_protocol");
        raw("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 426, "unsupported_protocol");
        raw("GET /health HTTP/3.0\r\nHost: x\r\n\r\n", 505, "unsupported_protocol");
        raw("GET /health\r\n\r\n", 505, "unsupported_protocol");
        raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", 431, "invalid_request");
        raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414, "invalid_request");
        raw("POST /v1/accounts HTTP/1.1\r\nHost: x\r\nExpect: foo\r\nContent-Length: 2\r\n\r\n{}", 417, "invalid_request");
        raw("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: nine\r\n\r\n", 400, "invalid_request");
    }

    /** A request written byte for byte; its reply must be a documented problem. */
    private static void raw(String request, int status, String code) {
        String reply;
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", t.server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.shutdownOutput();
            reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            unexpected.add(abbreviate(request) + ": " + e);
            return;
        }
        String where = abbreviate(request) + " -> " + abbreviate(reply);
        int split = reply.indexOf("\r\n\r\n");
        String head = split < 0 ? reply : reply.substring(0, split);
        String statusLine = head.split("\r\n", 2)[0];
        if (!statusLine.matches("HTTP/1\\.1 " + status + " .*")) {
            unexpected.add("wanted " + status + ": " + where);
            return;
        }
        if (!head.toLowerCase(Locale.ROOT).contains("content-type: " + Problems.CONTENT_TYPE)) {
            breaches.add(where + ": not " + Problems.CONTENT_TYPE);
            return;
        }
        try {
            JsonNode body = TestServer.MAPPER.readTree(reply.substring(split + 4));
            DOC.validate(body, DOC.root.at("/components/schemas/Problem")).forEach(e -> breaches.add(where + ": " + e));
            if (!code.equals(body.path("code").asText())) {
                unexpected.add("wanted " + code + ": " + where);
            }
        } catch (IOException e) {
            breaches.add(where + ": body is not JSON");
        }
    }

    // ---- codes ----

    /** Every problem code the server can answer, collected from the code base's enums and constants. */
    static Set<String> producibleCodes() throws Exception {
        Set<String> codes = new TreeSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            codes.add(c.code());
        }
        for (ChannelError c : ChannelError.values()) {
            codes.add(c.code());
        }
        for (PaymentError c : PaymentError.values()) {
            codes.add(c.code());
        }
        for (CustomerError c : CustomerError.values()) {
            codes.add(c.code());
        }
        for (dev.farthing.disputes.model.DisputeError c : dev.farthing.disputes.model.DisputeError.values()) {
            codes.add(c.code());
        }
        for (dev.farthing.settlement.SettlementError c : dev.farthing.settlement.SettlementError.values()) {
            codes.add(c.code());
        }
        for (Class<?> holder : List.of(Problems.class, RiskProblems.class,
                Class.forName("dev.farthing.server.http.customers.CustomerProblems"),
                Class.forName("dev.farthing.server.http.screening.ScreeningRoutes"),
                Class.forName("dev.farthing.server.http.stepup.StepUpProblems"),
                Class.forName("dev.farthing.server.http.console.ConsoleProblems"),
                Class.forName("dev.farthing.server.http.aml.AmlProblems"),
                Class.forName("dev.farthing.server.http.analytics.AnalyticsProblems"))) {
            for (Field f : holder.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) && Modifier.isFinal(m) && Modifier.isPublic(m) && f.getType() == String.class) {
                    f.setAccessible(true); // CustomerProblems is package-private; its codes are public constants
                    String value = (String) f.get(null);
                    if (value.matches("[a-z][a-z0-9_]*")) {
                        codes.add(value);
                    }
                }
            }
        }
        codes.add(new PolicyException(List.of(new PolicyError(null, 1, 1, "x"))).code());
        // The policy store and the model registry name their codes where they throw; read them from there.
        Pattern thrown = Pattern.compile("new (?:PolicyStoreException|ModelRegistryException)\\(\\s*\"([a-z][a-z0-9_]*)\"");
        for (String module : List.of("../farthing-risk/src/main/java", "../farthing-model/src/main/java")) {
            try (Stream<Path> files = Files.walk(Path.of(module))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = thrown.matcher(Files.readString(f));
                    while (m.find()) {
                        codes.add(m.group(1));
                    }
                }
            }
        }
        return codes;
    }

    static Set<String> documentedCodes() {
        Set<String> codes = new TreeSet<>();
        DOC.root.at("/components/schemas/Problem/properties/code/enum").forEach(c -> codes.add(c.asText()));
        return codes;
    }

    @Test
    void theDocumentListsExactlyTheCodesTheServerCanProduce() throws Exception {
        Set<String> producible = producibleCodes();
        assertThat(producible).as("codes collected from the code").contains("id_conflict", "invalid_payment",
                "claim_exceeds_deposit", "unknown_model_version", "invalid_policy", "unsupported_media_type");
        Set<String> documented = documentedCodes();
        assertThat(documented).as("codes the server can produce, documented").containsAll(producible);
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(producible);
        assertThat(stale).as("documented codes nothing produces").isEmpty();
        assertThat(documented).doesNotContain("idempotency_conflict").noneMatch(c -> c.startsWith("http_"));
    }

    // ---- descriptions and examples ----

    @Test
    void everyOperationHasADescriptionAndAnExampleThatFitsItsSchema() {
        List<String> missing = new ArrayList<>();
        List<String> misfits = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = DOC.root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (op.getValue().path("description").asText().isBlank()) {
                    missing.add(name + ": no description");
                }
                int examples = 0;
                List<JsonNode> contents = new ArrayList<>();
                op.getValue().path("requestBody").path("content").forEach(contents::add);
                op.getValue().path("responses").forEach(r -> DOC.resolve(r).path("content").forEach(contents::add));
                for (JsonNode media : contents) {
                    if (media.has("example")) {
                        examples++;
                        if (media.path("schema").isObject() && !media.path("example").isTextual()) {
                            DOC.validate(media.get("example"), media.get("schema")).forEach(e -> misfits.add(name + ": " + e));
                        }
                    }
                }
                if (examples == 0) {
                    missing.add(name + ": no example");
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(misfits).as("examples that break their own schema").isEmpty();
    }

    @Test
    void theValidatorRefusesWhatASchemaForbids() throws Exception {
        JsonNode schema = TestServer.MAPPER.readTree("{\"type\":\"object\",\"required\":[\"id\"],\"additionalProperties\":false,"
                + "\"properties\":{\"id\":{\"type\":\"string\",\"pattern\":\"^[a-z]+$\",\"maxLength\":5},"
                + "\"n\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":3},"
                + "\"s\":{\"type\":\"number\",\"exclusiveMinimum\":0,\"exclusiveMaximum\":1},\"at\":{\"type\":\"string\",\"format\":\"date-time\"},"
                + "\"tags\":{\"type\":\"array\",\"items\":{\"enum\":[\"a\",\"b\"]},\"maxItems\":2},"
                + "\"p\":{\"$ref\":\"#/components/schemas/Problem\"}}}");
        assertThat(DOC.validate(TestServer.MAPPER.readTree("{\"id\":\"abc\",\"n\":2,\"s\":0.5,\"at\":\"2026-01-05T00:00:00Z\","
                + "\"tags\":[\"a\"]}"), schema)).isEmpty();
        for (String bad : List.of("{}", "{\"id\":\"ABC\"}", "{\"id\":\"abcdef\"}", "{\"id\":\"a\",\"n\":0}",
                "{\"id\":\"a\",\"n\":1.5}", "{\"id\":\"a\",\"s\":1}", "{\"id\":\"a\",\"s\":0}", "{\"id\":\"a\",\"at\":\"yesterday\"}", "{\"id\":\"a\",\"tags\":[\"c\"]}",
                "{\"id\":\"a\",\"tags\":[\"a\",\"a\",\"a\"]}", "{\"id\":\"a\",\"extra\":1}", "{\"id\":1}",
                "{\"id\":\"a\",\"p\":{\"code\":\"made_up\"}}", "[]")) {
            assertThat(DOC.validate(TestServer.MAPPER.readTree(bad), schema)).as(bad).isNotEmpty();
        }
        assertThat(DOC.validate(TestServer.MAPPER.readTree("1"), TestServer.MAPPER.readTree("{\"multipleOf\":2}")))
                .as("an unchecked keyword is itself an error").isNotEmpty();
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 160 ? one.substring(0, 157) + "..." : one;
    }
}
