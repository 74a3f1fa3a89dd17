package dev.farthing.server;

import dev.farthing.server.keys.KeyMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer keys and roles: 401 without a valid key, 403 with the wrong role; new keys work without a restart. */
class AuthTest {
    @TempDir
    static Path dir;
    static TestServer t;
    static final String TRANSFER = "{\"id\":\"auth-1\",\"debit_account\":\"src\",\"credit_account\":\"w1\",\"amount\":5,\"currency\":\"USD\"}";

    @BeforeAll
    static void start() {
        t = TestServer.start(dir);
        assertThat(t.adminKey).as("start() on an empty dir creates the first admin key").startsWith("fk_");
        assertThat(t.createAccount("src", "settlement").status()).isEqualTo(201);
        assertThat(t.createAccount("w1", "wallet").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (t != null) {
            t.close();
        }
    }

    private static void assertProblem(TestServer.Resp r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
    }

    @Test
    void missingMalformedAndUnknownKeysAre401() {
        TestServer.Resp none = t.send("POST", "/v1/transfers", TRANSFER, null);
        assertProblem(none, 401, "unauthorized");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertProblem(t.send("GET", "/v1/accounts/w1", (String) null, null), 401, "unauthorized");
        assertProblem(t.send("GET", "/v1/accounts/w1", (String) null, KeyMaterial.newKey()), 401, "unauthorized");
        assertProblem(t.send("GET", "/v1/accounts/w1", (String) null, "x".repeat(5000)), 401, "unauthorized");
        assertProblem(t.send("GET", "/v1/accounts/w1", (String) null, ""), 401, "unauthorized");
        assertThat(t.send("GET", "/v1/transfers/auth-1", (String) null, t.operatorKey).status()).isEqualTo(404);
    }

    @Test
    void basicSchemeIsRefused() throws Exception {
        var req = java.net.http.HttpRequest.newBuilder(t.uri("/v1/accounts/w1"))
                .header("Authorization", "Basic " + t.operatorKey).GET().build();
        var resp = t.client.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).isEqualTo(401);
    }

    @Test
    void auditorsOnlyRead() {
        assertProblem(t.send("POST", "/v1/transfers", TRANSFER, t.auditorKey), 403, "forbidden");
        assertProblem(t.send("POST", "/v1/accounts", "{\"id\":\"a9\",\"currency\":\"USD\",\"kind\":\"wallet\"}", t.auditorKey), 403, "forbidden");
        assertProblem(t.send("POST", "/v1/accounts/w1/freeze", "", t.auditorKey), 403, "forbidden");
        assertProblem(t.send("POST", "/v1/transfers/batch", "{\"transfers\":[]}", t.auditorKey), 403, "forbidden");
        assertThat(t.send("GET", "/v1/accounts/w1", (String) null, t.auditorKey).status()).isEqualTo(200);
        assertThat(t.send("GET", "/v1/accounts/w1/transfers", (String) null, t.auditorKey).status()).isEqualTo(200);
        assertThat(t.send("GET", "/v1/accounts/w1", (String) null, t.auditorKey).json().get("status").asText()).isEqualTo("open");
    }

    @Test
    void onlyAdminsResetTheBreakerOrSnapshot() {
        assertProblem(t.send("POST", "/v1/admin/breaker/reset", "", t.operatorKey), 403, "forbidden");
        assertProblem(t.send("POST", "/v1/admin/snapshot", "", t.operatorKey), 403, "forbidden");
        assertProblem(t.send("POST", "/v1/admin/breaker/reset", "", t.auditorKey), 403, "forbidden");
        TestServer.Resp reset = t.send("POST", "/v1/admin/breaker/reset", "", t.adminKey);
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().get("status").asText()).isEqualTo("ok");
        TestServer.Resp snap = t.send("POST", "/v1/admin/snapshot", "", t.adminKey);
        assertThat(snap.status()).as(snap.body()).isEqualTo(200);
        assertThat(snap.json().get("snapshot").asText()).isNotBlank();
        assertThat(t.send("GET", "/v1/accounts/w1", (String) null, t.adminKey).status()).isEqualTo(200);
    }

    @Test
    void keysCreatedOrRevokedWhileRunningTakeEffect() throws Exception {
        String fresh = ApiKeys.create(t.dataDir, Role.OPERATOR, "created while running");
        TestServer.Resp r = t.send("POST", "/v1/transfers",
                TRANSFER.replace("auth-1", "auth-fresh"), fresh);
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        String auditor = ApiKeys.create(t.dataDir, Role.AUDITOR, "to revoke");
        assertThat(t.send("GET", "/v1/accounts/w1", (String) null, auditor).status()).isEqualTo(200);
        assertThat(ApiKeys.revoke(t.dataDir, KeyMaterial.idOf(auditor))).isTrue();
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status;
        do {
            Thread.sleep(50);
            status = t.send("GET", "/v1/accounts/w1", (String) null, auditor).status();
        } while (status == 200 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(401);
    }

    @Test
    void healthMetricsAndOpenApiNeedNoKey() {
        TestServer.Resp health = t.send("GET", "/health", (String) null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        assertThat(health.json().has("journal_sequence")).isTrue();
        TestServer.Resp metrics = t.send("GET", "/metrics", (String) null, null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("farthing_breaker_open", "farthing_journal_sequence",
                "farthing_transfers_committed_total", "farthing_http_requests_seconds_bucket");
        TestServer.Resp openapi = t.send("GET", "/openapi.json", (String) null, null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.json().get("openapi").asText()).isEqualTo("3.1.0");
    }
}
