package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebAuthn registration ceremony with a software authenticator: options with a server challenge, then a
 * {@code none} or {@code packed} attestation verified by webauthn4j; the registered credential then passes a
 * step-up. One test per refusal: a replayed attestation, another account's challenge, a wrong origin, RP id or
 * client data type, a damaged packed signature, a credential id that is not the attested one, an expired
 * challenge, the old direct-key body.
 */
class WebAuthnRegistrationHttpTest {
    @TempDir
    Path dir;
    TestServer t;

    @BeforeEach
    void start() throws Exception {
        Path stepUp = Files.createDirectories(dir.resolve("data").resolve("stepup"));
        Files.writeString(stepUp.resolve("config.json"), "{\"rp_id\":\"localhost\",\"origins\":[\"https://localhost\"],"
                + "\"rp_name\":\"Farthing test\",\"registration_ttl_s\":1}");
        t = TestServer.start(dir);
        for (String[] a : new String[][]{{"alice", "wallet"}, {"carol", "wallet"}, {"bob", "merchant"}, {"platform", "fee"}, {"bank", "settlement"}}) {
            assertThat(t.createAccount(a[0], a[1]).status()).isEqualTo(201);
        }
        assertThat(t.transfer("fund", "bank", "alice", 10_000).status()).isEqualTo(201);
        assertThat(t.send("PUT", "/v1/policies", TestServer.MAPPER.createObjectNode().put("source", RiskHttpTest.POLICY)
                .toString(), t.adminKey).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private JsonNode options(String account) {
        TestServer.Resp r = t.post("/v1/accounts/" + account + "/webauthn-credentials/options", "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private TestServer.Resp register(String account, String body) {
        return t.post("/v1/accounts/" + account + "/webauthn-credentials", body);
    }

    @Test
    void aNoneAttestationRegistersAndTheCredentialPassesAStepUp() {
        SoftwareAuthenticator key = new SoftwareAuthenticator("localhost", "https://localhost");
        JsonNode o = options("alice");
        JsonNode pk = o.path("public_key");
        assertThat(pk.path("challenge").asText()).hasSize(43); // 32 bytes, base64url
        assertThat(pk.path("rp").path("id").asText()).isEqualTo("localhost");
        assertThat(pk.path("rp").path("name").asText()).isEqualTo("Farthing test");
        assertThat(pk.path("user").path("id").asText()).isNotEqualTo("alice").hasSize(22);
        assertThat(pk.path("pubKeyCredParams").get(0).path("alg").asInt()).isEqualTo(-7);
        assertThat(pk.path("excludeCredentials")).isEmpty();
        TestServer.Resp reg = register("alice", key.registration(pk.path("challenge").asText(), "none"));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        assertThat(reg.json().path("attestation").path("format").asText()).isEqualTo("none");
        assertThat(reg.json().path("credentials").asInt()).isEqualTo(1);
        assertThat(options("alice").path("public_key").path("excludeCredentials").get(0).path("id").asText())
                .isEqualTo(SoftwareAuthenticator.b64(key.credentialId));

        TestServer.Resp pay = t.post("/v1/payments", RiskHttpTest.payment("wa-1", 77));
        assertThat(pay.json().path("challenge").path("methods").toString()).contains("webauthn");
        TestServer.Resp passed = t.post("/v1/payments/wa-1/challenge",
                "{\"webauthn\":" + key.assertion(pay.json().path("challenge").path("nonce").asText()) + "}");
        assertThat(passed.status()).as(passed.body()).isEqualTo(200);
        assertThat(passed.json().path("status").asText()).isEqualTo("posted");
    }

    @Test
    void aPackedSelfAttestationRegistersAndIsAudited() {
        SoftwareAuthenticator key = new SoftwareAuthenticator("localhost", "https://localhost");
        key.counter = 5; // an authenticator that counts from registration on
        TestServer.Resp reg = register("alice", key.registration(options("alice").path("public_key").path("challenge").asText(), "packed"));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        assertThat(reg.json().path("attestation").path("type").asText()).isEqualTo("self");
        assertThat(reg.json().path("sign_count").asLong()).isEqualTo(5);
        JsonNode audited = t.send("GET", "/v1/audit?subject=account:alice&action=credential.registered", (String) null,
                t.auditorKey).json().path("data").get(0);
        assertThat(audited.path("after").asText()).contains("\"attestation_format\":\"packed\"", "\"attestation_type\":\"self\"");
        // The counter from the attestation holds: an assertion that does not exceed it is a clone.
        TestServer.Resp pay = t.post("/v1/payments", RiskHttpTest.payment("pk-1", 77));
        String nonce = pay.json().path("challenge").path("nonce").asText();
        assertThat(t.post("/v1/payments/pk-1/challenge", "{\"webauthn\":" + key.assertion(nonce, 5, false) + "}").code())
                .isEqualTo("stepup_proof_invalid");
    }

    @Test
    void aReplayedAttestationFindsNoOpenChallenge() {
        SoftwareAuthenticator key = new SoftwareAuthenticator("localhost", "https://localhost");
        String body = key.registration(options("alice").path("public_key").path("challenge").asText(), "none");
        assertThat(register("alice", body).status()).isEqualTo(201);
        TestServer.Resp again = register("alice", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("webauthn_no_open_registration");
        String never = key.registration(SoftwareAuthenticator.b64(new byte[32]), "none");
        assertThat(register("alice", never).code()).as("a challenge never issued").isEqualTo("webauthn_no_open_registration");
    }

    @Test
    void eachBadAttestationIsRefusedAndUsesTheChallengeUp() {
        SoftwareAuthenticator key = new SoftwareAuthenticator("localhost", "https://localhost");
        String[][] cases = {
                {"another account's challenge", "carol", "webauthn.create", "https://localhost", "localhost", "none", "false"},
                {"a wrong origin", "alice", "webauthn.create", "https://evil.example", "localhost", "none", "false"},
                {"a wrong RP id", "alice", "webauthn.create", "https://localhost", "evil.example", "none", "false"},
                {"an assertion's client data", "alice", "webauthn.get", "https://localhost", "localhost", "none", "false"},
                {"a damaged packed signature", "alice", "webauthn.create", "https://localhost", "localhost", "packed", "true"},
                {"an unsupported format", "alice", "webauthn.create", "https://localhost", "localhost", "tpm", "false"},
        };
        for (String[] c : cases) {
            String challenge = options(c[1]).path("public_key").path("challenge").asText();
            String body = key.registration(challenge, c[5], c[2], c[3], c[4], Boolean.parseBoolean(c[6]));
            TestServer.Resp refused = register("alice", body);
            assertThat(refused.status()).as(c[0] + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.code()).as(c[0]).isEqualTo("webauthn_registration_invalid");
            assertThat(register("alice", body).code()).as(c[0] + ", again").isEqualTo("webauthn_no_open_registration");
        }
        String challenge = options("alice").path("public_key").path("challenge").asText();
        String otherId = key.registration(challenge, "none").replace(SoftwareAuthenticator.b64(key.credentialId),
                SoftwareAuthenticator.b64(new byte[16]));
        TestServer.Resp mismatch = register("alice", otherId);
        assertThat(mismatch.code()).isEqualTo("webauthn_registration_invalid");
        assertThat(mismatch.body()).contains("credential_id is not the id of the attested credential");
        assertThat(t.get("/v1/payments/none").status()).isEqualTo(404);
        assertThat(options("alice").path("public_key").path("excludeCredentials")).as("nothing was registered").isEmpty();
    }

    @Test
    void anExpiredChallengeAndTheOldDirectKeyBodyAreRefused() throws Exception {
        SoftwareAuthenticator key = new SoftwareAuthenticator("localhost", "https://localhost");
        String challenge = options("alice").path("public_key").path("challenge").asText();
        Thread.sleep(1_300); // registration_ttl_s is 1 in this test's config
        TestServer.Resp late = register("alice", key.registration(challenge, "none"));
        assertThat(late.status()).isEqualTo(403);
        assertThat(late.code()).isEqualTo("webauthn_registration_expired");

        TestServer.Resp direct = register("alice", "{\"credential_id\":\"" + SoftwareAuthenticator.b64(key.credentialId)
                + "\",\"public_key\":\"" + SoftwareAuthenticator.b64(key.keys.getPublic().getEncoded()) + "\"}");
        assertThat(direct.status()).isEqualTo(400);
        assertThat(direct.body()).contains("ceremony");
        assertThat(t.post("/v1/accounts/nobody/webauthn-credentials/options", "{}").status()).isEqualTo(404);
        assertThat(t.post("/v1/accounts/alice/webauthn-credentials/options", "{\"attestation\":\"enterprise\"}").status())
                .isEqualTo(400);
    }
}
