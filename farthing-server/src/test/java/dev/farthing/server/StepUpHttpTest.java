package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A challenged payment's hold is released only by a proof over its Farthing-issued nonce: a WebAuthn assertion
 * from a software authenticator against the payer's registered credential, or the one-time code that came
 * through the signed webhook. One test per refusal: no proof, wrong nonce, replayed assertion, expired code.
 */
class StepUpHttpTest {
    static final String SECRET = "webhook-secret-0123456789";
    @TempDir
    Path dir;
    TestServer t;
    Javalin platform;
    final BlockingQueue<String[]> hooks = new LinkedBlockingQueue<>();
    SoftwareAuthenticator alicesKey;

    @BeforeEach
    void start() throws Exception {
        platform = Javalin.create(c -> c.showJavalinBanner = false)
                .post("/hooks", ctx -> hooks.add(new String[] {ctx.body(), ctx.header("Farthing-Timestamp"),
                        ctx.header("Farthing-Signature")}))
                .start("127.0.0.1", 0);
        Path stepUp = Files.createDirectories(dir.resolve("data").resolve("stepup"));
        Files.writeString(stepUp.resolve("config.json"), "{\"rp_id\":\"localhost\",\"origins\":[\"https://localhost\"],"
                + "\"webhook_url\":\"http://127.0.0.1:" + platform.port() + "/hooks\",\"webhook_secret\":\"" + SECRET
                + "\",\"code_ttl_s\":1}");
        t = TestServer.start(dir);
        t.addPaymentAccounts(10_000);
        t.usePolicy(RiskHttpTest.POLICY);
        alicesKey = new SoftwareAuthenticator("localhost", "https://localhost");
        TestServer.Resp reg = alicesKey.register(t, "alice");
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        t.close();
        platform.stop();
    }

    /** Submits a payment the test policy challenges (amount 77); returns its challenge. */
    private JsonNode challenged(String id) {
        TestServer.Resp r = t.post("/v1/payments", RiskHttpTest.payment(id, 77));
        assertThat(r.json().path("decision").asText()).isEqualTo("challenged");
        assertThat(r.json().path("status").asText()).isEqualTo("held");
        JsonNode c = r.json().path("challenge");
        assertThat(c.path("nonce").asText()).hasSizeGreaterThan(40);
        assertThat(c.path("methods").toString()).contains("webauthn", "code");
        return c;
    }

    private TestServer.Resp prove(String id, String body) {
        return t.post("/v1/payments/" + id + "/challenge", body);
    }

    private String status(String id) {
        return t.get("/v1/payments/" + id).json().path("status").asText();
    }

    @Test
    void aWebAuthnAssertionOverTheNonceReleasesTheHold() {
        String nonce = challenged("wa-1").path("nonce").asText();
        assertThat(t.get("/v1/payments/wa-1").json().path("challenge").path("nonce").asText())
                .as("a lookup shows the open challenge").isEqualTo(nonce);
        TestServer.Resp passed = prove("wa-1", "{\"webauthn\":" + alicesKey.assertion(nonce) + "}");
        assertThat(passed.status()).as(passed.body()).isEqualTo(200);
        assertThat(passed.json().path("status").asText()).isEqualTo("posted");
        assertThat(t.balance("bob")).isEqualTo(77);
        JsonNode audited = t.send("GET", "/v1/audit?subject=payment:wa-1&action=payment.challenge", (String) null,
                t.auditorKey).json().path("data").get(0);
        assertThat(audited.path("after").asText()).contains("\"proof\":\"webauthn\"");
    }

    @Test
    void noProofIsRefusedAndTheMoneyStaysHeld() {
        challenged("np-1");
        TestServer.Resp bare = prove("np-1", "{\"passed\":true}");
        assertThat(bare.status()).isEqualTo(403);
        assertThat(bare.code()).isEqualTo("stepup_proof_required");
        assertThat(prove("np-1", "{}").status()).isEqualTo(400);
        assertThat(status("np-1")).isEqualTo("held");
        assertThat(t.balance("bob")).isZero();
        TestServer.Resp failed = prove("np-1", "{\"passed\":false}");
        assertThat(failed.json().path("status").asText()).as("a failed step-up releases the hold to the payer").isEqualTo("voided");
    }

    @Test
    void anAssertionOverAnotherNonceIsRefused() {
        challenged("wn-1");
        String otherNonce = SoftwareAuthenticator.b64(new byte[32]);
        TestServer.Resp wrong = prove("wn-1", "{\"webauthn\":" + alicesKey.assertion(otherNonce) + "}");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo("stepup_proof_invalid");
        assertThat(status("wn-1")).isEqualTo("held");
        SoftwareAuthenticator stranger = new SoftwareAuthenticator("localhost", "https://localhost");
        String fresh = t.get("/v1/payments/wn-1").json().path("challenge").path("nonce").asText();
        TestServer.Resp unregistered = prove("wn-1", "{\"webauthn\":" + stranger.assertion(fresh) + "}");
        assertThat(unregistered.code()).as("a key the payer never registered").isEqualTo("stepup_proof_invalid");
        assertThat(status("wn-1")).isEqualTo("held");
    }

    @Test
    void aReplayedAssertionIsRefused() {
        String n1 = challenged("rp-1").path("nonce").asText();
        String a1 = alicesKey.assertion(n1);
        // The first attempt fails (a damaged signature) and uses the nonce up: the genuine assertion then finds
        // no open challenge, and after a lookup issues a new nonce it is over the wrong one.
        assertThat(prove("rp-1", "{\"webauthn\":" + alicesKey.assertion(n1, alicesKey.counter, true) + "}").code())
                .isEqualTo("stepup_proof_invalid");
        TestServer.Resp again = prove("rp-1", "{\"webauthn\":" + a1 + "}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("stepup_no_open_challenge");
        String n2 = t.get("/v1/payments/rp-1").json().path("challenge").path("nonce").asText();
        assertThat(n2).isNotEqualTo(n1);
        assertThat(prove("rp-1", "{\"webauthn\":" + a1 + "}").code()).isEqualTo("stepup_proof_invalid");
        String n3 = t.get("/v1/payments/rp-1").json().path("challenge").path("nonce").asText();
        String a3 = alicesKey.assertion(n3);
        assertThat(prove("rp-1", "{\"webauthn\":" + a3 + "}").json().path("status").asText()).isEqualTo("posted");

        // A cloned authenticator (the counter did not grow) is refused on another payment's fresh nonce.
        String n4 = challenged("rp-2").path("nonce").asText();
        TestServer.Resp cloned = prove("rp-2", "{\"webauthn\":" + alicesKey.assertion(n4, alicesKey.counter, false) + "}");
        assertThat(cloned.code()).isEqualTo("stepup_proof_invalid");
        assertThat(status("rp-2")).isEqualTo("held");
    }

    @Test
    void theSignedWebhookCodePassesOnceAndAnExpiredCodeIsRefused() throws Exception {
        challenged("cd-1");
        String[] hook = hooks.poll(10, TimeUnit.SECONDS);
        assertThat(hook).as("the code went to the platform's webhook").isNotNull();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((hook[1] + ".").getBytes(StandardCharsets.US_ASCII));
        assertThat(hook[2]).isEqualTo("v1=" + HexFormat.of().formatHex(mac.doFinal(hook[0].getBytes(StandardCharsets.UTF_8))));
        JsonNode sent = TestServer.MAPPER.readTree(hook[0]);
        assertThat(sent.path("payment_id").asText()).isEqualTo("cd-1");
        assertThat(sent.path("payer").asText()).isEqualTo("alice");
        TestServer.Resp ok = prove("cd-1", "{\"code\":\"" + sent.path("code").asText() + "\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("status").asText()).isEqualTo("posted");

        challenged("cd-2");
        JsonNode second = TestServer.MAPPER.readTree(hooks.poll(10, TimeUnit.SECONDS)[0]);
        Thread.sleep(1_300); // code_ttl_s is 1 in this test's config
        TestServer.Resp late = prove("cd-2", "{\"code\":\"" + second.path("code").asText() + "\"}");
        assertThat(late.status()).isEqualTo(403);
        assertThat(late.code()).isEqualTo("stepup_expired");
        assertThat(status("cd-2")).isEqualTo("held");

        // That lookup issued a new challenge with a new code: a wrong code is refused and uses it up.
        JsonNode third = TestServer.MAPPER.readTree(hooks.poll(10, TimeUnit.SECONDS)[0]);
        String wrong = third.path("code").asText().equals("00000000") ? "00000001" : "00000000";
        assertThat(prove("cd-2", "{\"code\":\"" + wrong + "\"}").code()).isEqualTo("stepup_proof_invalid");
        assertThat(prove("cd-2", "{\"code\":\"" + third.path("code").asText() + "\"}").code())
                .isEqualTo("stepup_no_open_challenge");
    }
}
