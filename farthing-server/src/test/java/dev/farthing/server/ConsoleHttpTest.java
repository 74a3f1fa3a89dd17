package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.server.http.console.ConsoleHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console over plain HTTP: login and its cookie, CSRF and origin checks, security headers, static files, entity links. */
class ConsoleHttpTest {
    @TempDir
    Path dir;
    TestServer t;
    String origin;
    String reviewerKey;

    @BeforeEach
    void start() {
        t = TestServer.start(dir);
        origin = "http://127.0.0.1:" + t.server.port();
        reviewerKey = ApiKeys.create(t.dataDir, Role.REVIEWER, "console reviewer");
    }

    @AfterEach
    void stop() {
        t.close();
    }

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() throws Exception {
            return TestServer.MAPPER.readTree(body);
        }
    }

    Reply send(String method, String path, String body, String cookie, String csrf, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(t.uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        HttpResponse<String> r = t.client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body(), r.headers());
    }

    record Login(String cookie, String csrf) {
    }

    Login login(String key) throws Exception {
        Reply r = send("POST", "/console/session", "{\"api_key\":\"" + key + "\"}", null, null, origin);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        Matcher m = Pattern.compile("^farthing_console=([A-Za-z0-9_-]{43});").matcher(setCookie);
        assertThat(m.find()).as(setCookie).isTrue();
        return new Login("farthing_console=" + m.group(1), r.json().path("csrf_token").asText());
    }

    @Test
    void loginSetsAStrictHttpOnlySecureCookieWithExpiry() throws Exception {
        Reply r = send("POST", "/console/session", "{\"api_key\":\"" + reviewerKey + "\"}", null, null, origin);
        assertThat(r.status()).isEqualTo(201);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("; HttpOnly").contains("; Secure").contains("; SameSite=Strict")
                .contains("; Path=/").contains("; Max-Age=28800");
        assertThat(r.json().path("role").asText()).isEqualTo("reviewer");
        assertThat(r.json().path("csrf_token").asText()).hasSize(43);
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(ConsoleHeaders.CSP);
    }

    @Test
    void loginIsRefusedForOperatorsUnknownKeysAndOtherOrigins() throws Exception {
        Reply operator = send("POST", "/console/session", "{\"api_key\":\"" + t.operatorKey + "\"}", null, null, origin);
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.json().path("code").asText()).isEqualTo("not_a_console_role");
        Reply unknown = send("POST", "/console/session", "{\"api_key\":\"fk_nope\"}", null, null, origin);
        assertThat(unknown.status()).isEqualTo(401);
        Reply noOrigin = send("POST", "/console/session", "{\"api_key\":\"" + reviewerKey + "\"}", null, null, null);
        assertThat(noOrigin.status()).isEqualTo(403);
        assertThat(noOrigin.json().path("code").asText()).isEqualTo("csrf_refused");
        Reply evil = send("POST", "/console/session", "{\"api_key\":\"" + reviewerKey + "\"}", null, null, "https://evil.example");
        assertThat(evil.status()).isEqualTo(403);
        assertThat(evil.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theCookieAuthenticatesReadsAndStateChangesNeedTheTokenAndTheOrigin() throws Exception {
        Login s = login(reviewerKey);
        assertThat(send("GET", "/v1/reviews", null, s.cookie(), null, null).status()).isEqualTo(200);
        String assign = "{\"kind\":\"review\",\"ids\":[\"p-1\"],\"assignee\":\"me\"}";
        Reply noToken = send("POST", "/v1/assignments", assign, s.cookie(), null, origin);
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.json().path("code").asText()).isEqualTo("csrf_refused");
        assertThat(send("POST", "/v1/assignments", assign, s.cookie(), "x" + s.csrf().substring(1), origin).status()).isEqualTo(403);
        assertThat(send("POST", "/v1/assignments", assign, s.cookie(), s.csrf(), "https://evil.example").status()).isEqualTo(403);
        assertThat(send("POST", "/v1/assignments", assign, s.cookie(), s.csrf(), null).status()).isEqualTo(403);
        assertThat(send("GET", "/v1/assignments?kind=review", null, s.cookie(), null, null).json().path("items").size()).isZero();
        Reply ok = send("POST", "/v1/assignments", assign, s.cookie(), s.csrf(), origin);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode items = send("GET", "/v1/assignments?kind=review", null, s.cookie(), null, null).json().path("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).path("id").asText()).isEqualTo("p-1");
        // The session's role is the key's: a reviewer session moves no money.
        Reply transfer = send("POST", "/v1/transfers", "{}", s.cookie(), s.csrf(), origin);
        assertThat(transfer.status()).isEqualTo(403);
        assertThat(transfer.json().path("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void logoutAndRevocationEndTheSession() throws Exception {
        Login s = login(reviewerKey);
        assertThat(send("GET", "/console/session", null, s.cookie(), null, null).status()).isEqualTo(200);
        assertThat(send("POST", "/console/logout", "{}", s.cookie(), null, origin).status()).isEqualTo(403);
        Reply out = send("POST", "/console/logout", "{}", s.cookie(), s.csrf(), origin);
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(send("GET", "/console/session", null, s.cookie(), null, null).status()).isEqualTo(401);
        assertThat(send("GET", "/v1/reviews", null, s.cookie(), null, null).status()).isEqualTo(401);

        String auditorKey = ApiKeys.create(t.dataDir, Role.AUDITOR, "to revoke");
        Login a = login(auditorKey);
        assertThat(send("GET", "/v1/reviews", null, a.cookie(), null, null).status()).isEqualTo(200);
        String keyId = send("GET", "/console/session", null, a.cookie(), null, null).json().path("key_id").asText();
        ApiKeys.revoke(t.dataDir, keyId);
        long deadline = System.nanoTime() + 5_000_000_000L; // the key file is re-read within 250 ms
        int status;
        do {
            status = send("GET", "/v1/reviews", null, a.cookie(), null, null).status();
        } while (status == 200 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(401);
    }

    @Test
    void staticFilesComeFromTheJarWithTypesCachingAndSecurityHeaders() throws Exception {
        Reply page = send("GET", "/console", null, null, null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        // Nothing inline, nothing from elsewhere: every script and stylesheet is one of ours.
        assertThat(page.body()).doesNotContain("style=").doesNotContain("http://").doesNotContain("https://");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=\"/console/assets/)").matcher(page.body()).find()).isFalse();

        Reply js = send("GET", "/console/assets/app.js", null, null, null, null);
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(js.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String etag = js.headers().firstValue("ETag").orElseThrow();
        HttpRequest again = HttpRequest.newBuilder(t.uri("/console/assets/app.js")).header("If-None-Match", etag).build();
        assertThat(t.client.send(again, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(304);
        assertThat(send("GET", "/console/assets/console.css", null, null, null, null).headers()
                .firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(send("GET", "/console/assets/nope.js", null, null, null, null).status()).isEqualTo(404);
        assertThat(send("GET", "/console/assets/..%2Fopenapi.json", null, null, null, null).status()).isEqualTo(404);
    }

    @Test
    void noConsoleFileBuildsMarkupFromStrings() throws Exception {
        for (String name : new String(getClass().getResourceAsStream("/console/assets.list").readAllBytes(),
                StandardCharsets.UTF_8).split("\n")) {
            if (!name.endsWith(".js")) {
                continue;
            }
            String src = new String(getClass().getResourceAsStream("/console/" + name).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(src).as(name).doesNotContain(".innerHTML").doesNotContain("outerHTML")
                    .doesNotContain("insertAdjacentHTML").doesNotContain("document.write").doesNotContain("eval(")
                    .doesNotContain("new Function");
        }
    }

    @Test
    void entityLinksShowAccountsDevicesAndRecentDecisions() throws Exception {
        for (String[] a : new String[][]{{"alice", "wallet"}, {"mallory", "wallet"}, {"bob", "merchant"}, {"platform", "fee"}, {"bank", "settlement"}}) {
            assertThat(t.createAccount(a[0], a[1]).status()).isEqualTo(201);
        }
        assertThat(t.transfer("f1", "bank", "alice", 1000).status()).isEqualTo(201);
        assertThat(t.transfer("f2", "bank", "mallory", 1000).status()).isEqualTo(201);
        for (String[] p : new String[][]{{"e-1", "alice"}, {"e-2", "mallory"}}) {
            String body = "{\"id\":\"" + p[0] + "\",\"payer\":\"" + p[1] + "\",\"payee\":\"bob\",\"amount\":10,\"currency\":\"USD\","
                    + "\"context\":{\"device_id\":\"shared-phone\",\"ip\":\"10.0.0.9\",\"user_agent\":\"<b>ua</b>\"}}";
            assertThat(t.post("/v1/payments", body).status()).isEqualTo(201);
        }
        Login s = login(reviewerKey);
        JsonNode alice = send("GET", "/v1/entities/account/alice", null, s.cookie(), null, null).json();
        assertThat(alice.path("payments").size()).isEqualTo(1);
        JsonNode pay = alice.path("payments").get(0);
        assertThat(pay.path("id").asText()).isEqualTo("e-1");
        assertThat(pay.path("user_agent").asText()).isEqualTo("<b>ua</b>");
        assertThat(pay.path("status").asText()).isEqualTo("posted");
        assertThat(pay.path("device").asText()).startsWith("device_").doesNotContain("shared-phone");
        // mallory shares alice's device: the graph links them through it.
        assertThat(alice.path("nodes").toString()).contains("\"mallory\"").contains(pay.path("device").asText());
        // A raw device id is looked up by its pseudonym.
        JsonNode device = send("GET", "/v1/entities/device/shared-phone", null, s.cookie(), null, null).json();
        assertThat(device.path("payments").size()).isEqualTo(2);
        assertThat(send("GET", "/v1/entities/planet/x", null, s.cookie(), null, null).status()).isEqualTo(400);
        assertThat(send("GET", "/v1/entities/account/nobody", null, s.cookie(), null, null).json().path("nodes").size()).isZero();
    }
}
