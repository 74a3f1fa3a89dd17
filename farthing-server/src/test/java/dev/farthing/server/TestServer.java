package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A real server (real ledger) on an ephemeral port in a temp dir, plus an HTTP client and keys of every role. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();
    final FarthingServer server;
    final Path dataDir;
    final String adminKey;
    final String operatorKey;
    final String auditorKey;
    final String reviewerKey;
    final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** A parsed response; {@code json} is null when the body is not JSON. */
    record Resp(int status, String contentType, String body, JsonNode json, java.net.http.HttpHeaders headers) {
        String code() {
            return json == null ? null : json.path("code").asText(null);
        }
    }

    TestServer(FarthingServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
        this.adminKey = server.bootstrapAdminKey();
        this.operatorKey = ApiKeys.create(dataDir, Role.OPERATOR, "test operator");
        this.auditorKey = ApiKeys.create(dataDir, Role.AUDITOR, "test auditor");
        this.reviewerKey = ApiKeys.create(dataDir, Role.REVIEWER, "test reviewer");
    }

    static TestServer start(Path dir) {
        Path dataDir = dir.resolve("data");
        LedgerConfig config = LedgerConfig.defaults(dataDir);
        FarthingServer server = FarthingServer.start(new ServerOptions(dataDir, "127.0.0.1", 0, config));
        return new TestServer(server, dataDir);
    }

    /**
     * A new server on this one's data directory with the same options, after closing this one (if the test has
     * not): restart tests. Fresh operator, auditor and reviewer keys; no bootstrap admin key (one exists).
     */
    TestServer reopen() {
        close();
        return new TestServer(FarthingServer.start(server.options()), dataDir);
    }

    /**
     * The payment tests' accounts: alice (wallet) holding {@code funds} paid in from bank (settlement), bob
     * (merchant), platform (fee).
     */
    void addPaymentAccounts(long funds) {
        for (String[] a : new String[][] {{"alice", "wallet"}, {"bob", "merchant"}, {"platform", "fee"},
                {"bank", "settlement"}}) {
            Resp r = createAccount(a[0], a[1]);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        Resp fund = transfer("fund", "bank", "alice", funds);
        assertThat(fund.status()).as(fund.body()).isEqualTo(201);
    }

    /** PUT /v1/policies with {@code source} under {@code key}. */
    Resp putPolicy(String source, String key) {
        return send("PUT", "/v1/policies", MAPPER.createObjectNode().put("source", source).toString(), key);
    }

    /** Activates the policy {@code source} as admin. */
    void usePolicy(String source) {
        Resp r = putPolicy(source, adminKey);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    Ledger ledger() {
        return server.ledger();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    Resp send(String method, String path, String body, String key) {
        return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), key);
    }

    Resp send(String method, String path, byte[] body, String key) {
        return send(method, path, body == null ? null : "application/json", body, key);
    }

    /** With this {@code Content-Type} (none when null), whatever the body. */
    Resp send(String method, String path, String contentType, byte[] body, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String ct = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (ct.contains("json")) {
                json = MAPPER.readTree(r.body());
            }
            return new Resp(r.statusCode(), ct, r.body(), json, r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Resp get(String path) {
        return send("GET", path, (String) null, operatorKey);
    }

    Resp post(String path, String body) {
        return send("POST", path, body, operatorKey);
    }

    Resp createAccount(String id, String kind) {
        return post("/v1/accounts", "{\"id\":\"" + id + "\",\"currency\":\"USD\",\"kind\":\"" + kind + "\"}");
    }

    Resp transfer(String id, String debit, String credit, long amount) {
        return post("/v1/transfers", "{\"id\":\"" + id + "\",\"debit_account\":\"" + debit + "\",\"credit_account\":\""
                + credit + "\",\"amount\":" + amount + ",\"currency\":\"USD\"}");
    }

    long balance(String account) {
        Resp r = get("/v1/accounts/" + account);
        if (r.status() != 200) {
            throw new AssertionError("GET account " + account + ": " + r.status() + " " + r.body());
        }
        return r.json().get("balance").asLong();
    }

    @Override
    public void close() {
        server.close();
    }
}
