package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.customers.erasure.ErasureCertificate;
import dev.farthing.ledger.api.LedgerVerification;
import dev.farthing.ledger.api.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Erasure and subject access over HTTP: shredding, retention after KYC, legal holds, books and chain intact. */
class ErasureHttpTest {
    @TempDir
    Path dir;

    @Test
    void erasureShredsOrKeepsWhatTheLawRequiresAndTheBooksStillVerify() throws Exception {
        TestServer t = TestServer.start(dir);
        String compliance = ApiKeys.create(t.dataDir, Role.COMPLIANCE, "dpo");
        t.usePolicy(CustomerHttpTest.APPROVE_ALL);
        t.createAccount("bank", "settlement");
        t.createAccount("shop", "merchant");
        for (String who : List.of("anon", "kyced")) {
            t.createAccount("w-" + who, "wallet");
            t.transfer("fund-" + who, "bank", "w-" + who, 50_000_000);
            assertThat(t.post("/v1/customers", "{\"id\":\"" + who + "\",\"type\":\"person\",\"name\":\"Ophelia " + who
                    + "wright\",\"birth_date\":\"1971-07-07\",\"country\":\"DE\",\"email\":\"o." + who
                    + "@post.example\",\"phone\":\"+49 151 777" + who.length() + "\",\"account_ids\":[\"w-" + who + "\"]}").status()).isEqualTo(201);
            assertThat(t.post("/v1/payments", "{\"id\":\"pay-" + who + "\",\"payer\":\"w-" + who + "\",\"payee\":\"shop\",\"amount\":20000000,"
                    + "\"currency\":\"USD\",\"context\":{\"device_id\":\"dv\",\"ip\":\"192.0.2.1\"}}").status()).isEqualTo(201);
        }
        assertThat(t.send("POST", "/v1/customers/kyced/kyc", "{\"tier\":2,\"evidence_ref\":\"ev\",\"verified_by\":\"kim\"}", compliance).status()).isEqualTo(200);

        Resp noReason = call(t, "DELETE", "/v1/customers/anon/personal-data", compliance, null);
        assertThat(noReason.status).isEqualTo(400);
        assertThat(call(t, "DELETE", "/v1/customers/anon/personal-data", t.operatorKey, "x").status).isEqualTo(403);
        Resp access = call(t, "GET", "/v1/customers/anon/personal-data", compliance, "art. 15 request");
        assertThat(access.json.path("personal_data").path("name").asText()).isEqualTo("Ophelia anonwright");

        Resp shred = call(t, "DELETE", "/v1/customers/anon/personal-data", compliance, "art. 17 request");
        assertThat(shred.status).as(shred.body).isEqualTo(200);
        assertThat(shred.json.path("key_destroyed").asBoolean()).isTrue();
        assertThat(shred.json.path("kept")).isEmpty();
        assertThat(certificateVerifies(shred.json)).isTrue();
        assertThat(call(t, "GET", "/v1/customers/anon/personal-data", compliance, "check").json.path("personal_data").isNull()).isTrue();
        assertThat(t.get("/v1/customers/anon").json().path("personal_data_erased").asBoolean()).isTrue();

        Resp kept = call(t, "DELETE", "/v1/customers/kyced/personal-data", compliance, "art. 17 request");
        assertThat(kept.json.path("key_destroyed").asBoolean()).isFalse();
        assertThat(kept.json.path("erased").toString()).contains("email", "phone");
        JsonNode why = kept.json.path("kept").get(0);
        assertThat(why.path("why").asText()).isEqualTo("record_retention");
        assertThat(why.path("fields").toString()).contains("name", "birth_date");
        assertThat(why.path("basis").asText()).contains("2015/849");
        assertThat(why.path("until").asText()).startsWith(String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 5));
        assertThat(certificateVerifies(kept.json)).isTrue();
        JsonNode left = call(t, "GET", "/v1/customers/kyced/personal-data", compliance, "check").json.path("personal_data");
        assertThat(left.path("name").asText()).isEqualTo("Ophelia kycedwright");
        assertThat(left.has("email")).isFalse();

        // money still moves for a pseudonymous account; balances and the hash chain are untouched by erasure
        assertThat(t.balance("shop")).isEqualTo(40_000_000);
        assertThat(t.transfer("after", "w-anon", "shop", 1_000_000).status()).isEqualTo(201);
        Path data = t.dataDir;
        ServerOptions options = t.server.options();
        t.close();
        String files = allFiles(data);
        assertThat(files).doesNotContain("Ophelia").doesNotContain("o.anon@post.example").doesNotContain("o.kyced@post.example");
        VerifyReport verified = LedgerVerification.verify(data, options.ledgerConfig().currencies(), null);
        assertThat(verified.ok()).as(verified.verdict()).isTrue();
        t = new TestServer(FarthingServer.start(options), data);
        assertThat(call(t, "GET", "/v1/customers/anon/personal-data", compliance, "after restart").json.path("personal_data").isNull()).isTrue();
        assertThat(call(t, "GET", "/v1/customers/kyced/personal-data", compliance, "after restart").json
                .path("personal_data").path("birth_date").asText()).isEqualTo("1971-07-07");
        t.close();
    }

    private static boolean certificateVerifies(JsonNode reply) throws Exception {
        JsonNode c = reply.path("certificate");
        JsonNode signed = TestServer.MAPPER.readTree(c.path("signed").asText());
        List<String> erased = TestServer.MAPPER.convertValue(signed.path("erased_fields"), TestServer.MAPPER.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        List<ErasureCertificate.Kept> kept = new java.util.ArrayList<>();
        for (JsonNode k : signed.path("kept")) {
            kept.add(new ErasureCertificate.Kept(TestServer.MAPPER.convertValue(k.path("fields"), TestServer.MAPPER
                    .getTypeFactory().constructCollectionType(List.class, String.class)), k.path("why").asText(),
                    k.path("basis").asText(), k.path("until").asLong()));
        }
        ErasureCertificate cert = new ErasureCertificate(signed.path("customer_id").asText(), signed.path("subject").asText(),
                signed.path("erased_at").asLong(), signed.path("by").asText(), erased, signed.path("key_destroyed").asBoolean(),
                kept, signed.path("public_key").asText(), c.path("signature").asText());
        ErasureCertificate forged = new ErasureCertificate(cert.customerId(), cert.subject(), cert.erasedAt(), cert.by(),
                cert.erasedFields(), !cert.keyDestroyed(), cert.kept(), cert.publicKey(), cert.signature());
        return cert.verify(c.path("public_key").asText()) && !forged.verify(c.path("public_key").asText());
    }

    record Resp(int status, String body, JsonNode json) {
    }

    private static Resp call(TestServer t, String method, String path, String key, String reason) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(t.uri(path)).header("Authorization", "Bearer " + key)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (reason != null) {
            b.header("X-Farthing-Reason", reason);
        }
        HttpResponse<String> r = t.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Resp(r.statusCode(), r.body(), r.body().startsWith("{") ? TestServer.MAPPER.readTree(r.body()) : null);
    }

    private static String allFiles(Path root) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                b.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return b.toString();
    }
}
