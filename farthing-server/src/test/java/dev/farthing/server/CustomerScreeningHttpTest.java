package dev.farthing.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customers screened on creation and on list updates; compliance confirms (freeze, payments refused
 * {@code sanctions_hit}) or clears (allowlisted until the listed entry changes). Lists are small files the test
 * writes, so each version's change is known.
 */
class CustomerScreeningHttpTest {
    static final long USD = 1_000_000;
    static final String ZAWAHIRI = "2676,\"AL ZAWAHIRI, Dr. Ayman\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 19 Jun 1951; nationality Egypt.";
    @TempDir Path dir;

    /** An OFAC set: the Zawahiri entry (its remarks extended by {@code extra}) and one bank named {@code bank}. */
    private String lists(String folder, String extra, String bank) throws IOException {
        Path d = Files.createDirectories(dir.resolve(folder));
        Files.writeString(d.resolve("sdn.csv"), ZAWAHIRI + extra + "\"\r\n"
                + "306,\"" + bank + "\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001a");
        return "{\"ofac_dir\":" + TestServer.MAPPER.writeValueAsString(d.toString()) + "}";
    }

    private static String customer(String id, String name, String born, String country, String account) {
        return "{\"id\":\"" + id + "\",\"type\":\"person\",\"name\":\"" + name + "\",\"birth_date\":\"" + born
                + "\",\"country\":\"" + country + "\",\"account_ids\":[\"" + account + "\"]}";
    }

    private static String payment(String id, String payer, String payee) {
        return "{\"id\":\"" + id + "\",\"payer\":\"" + payer + "\",\"payee\":\"" + payee + "\",\"amount\":" + 10 * USD
                + ",\"currency\":\"USD\",\"context\":{\"device_id\":\"d-1\",\"ip\":\"203.0.113.9\"}}";
    }

    private static JsonNode awaitScreening(TestServer t, String key, String id, Predicate<JsonNode> done) {
        long until = System.nanoTime() + 20_000_000_000L;
        JsonNode s;
        do {
            s = t.send("GET", "/v1/customers/" + id, (String) null, key).json().path("screening");
            if (done.test(s)) return s;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < until);
        throw new AssertionError("re-screening of " + id + " did not finish: " + s);
    }

    @Test
    void screensOnCreationConfirmsFreezesAndAllowlistsUntilTheEntryChanges() throws IOException {
        try (TestServer t = TestServer.start(dir)) {
            String compliance = ApiKeys.create(t.dataDir, Role.COMPLIANCE, "test compliance");
            for (String a : new String[] {"w-z", "w-z2", "w-john", "w-early"}) assertThat(t.createAccount(a, "wallet").status()).isEqualTo(201);
            assertThat(t.createAccount("shop", "merchant").status()).isEqualTo(201);
            assertThat(t.createAccount("bank", "settlement").status()).isEqualTo(201);
            assertThat(t.transfer("fund", "bank", "w-z", 1_000 * USD).status()).isEqualTo(201);
            assertThat(t.transfer("fund2", "bank", "w-john", 1_000 * USD).status()).isEqualTo(201);
            t.usePolicy(CustomerHttpTest.APPROVE_ALL);

            // before any list is loaded: created, not screened; the first list load screens it
            TestServer.Resp early = t.post("/v1/customers", customer("c-early", "Ayman al Zawahiri", "1951-06-19", "EG", "w-early"));
            assertThat(early.status()).as(early.body()).isEqualTo(201);
            assertThat(early.json().path("screening").path("status").asText()).isEqualTo("not_screened");

            TestServer.Resp v1 = t.post("/v1/screening/lists", lists("v1", "", "BANCO NACIONAL DE CUBA"));
            assertThat(v1.status()).as(v1.body()).isEqualTo(200);
            String version1 = v1.json().path("list_version").asText();
            assertThat(awaitScreening(t, compliance, "c-early", s -> s.path("list_version").asText().equals(version1))
                    .path("status").asText()).isEqualTo("potential_match");

            // a listed name: created (never refused), a potential match; the operator sees the status only
            TestServer.Resp z = t.post("/v1/customers", customer("c-z", "Ayman al-Zawahiri", "1951-06-19", "EG", "w-z"));
            assertThat(z.status()).as(z.body()).isEqualTo(201);
            JsonNode zs = z.json().path("screening");
            assertThat(zs.path("status").asText()).isEqualTo("potential_match");
            assertThat(zs.path("list_version").asText()).isEqualTo(version1);
            assertThat(zs.path("list_hash").asText()).hasSize(64);
            assertThat(zs.has("hits")).isFalse();
            assertThat(z.body()).doesNotContain("ZAWAHIRI");
            JsonNode full = t.send("GET", "/v1/customers/c-z", (String) null, compliance).json().path("screening");
            assertThat(full.path("hits").path(0).path("entity_id").asText()).isEqualTo("ofac_sdn:2676");
            assertThat(full.path("hits").path(0).path("score").asDouble()).isBetween(0.78, 0.999);
            assertThat(full.path("hits").path(0).path("explanation").toString()).contains("1951");
            assertThat(t.get("/v1/customers/c-z").json().path("screening").has("hits")).isFalse();

            // an ordinary name is clear
            TestServer.Resp john = t.post("/v1/customers", customer("c-john", "John Q. Public", "1980-02-29", "US", "w-john"));
            assertThat(john.json().path("screening").path("status").asText()).as(john.body()).isEqualTo("clear");

            // verdicts: compliance only, strict input, only on a hit the customer has
            String confirm = "{\"entity_id\":\"ofac_sdn:2676\",\"verdict\":\"confirmed\",\"reason\":\"DOB and nationality agree; passport seen\"}";
            assertThat(t.post("/v1/customers/c-z/screening", confirm).status()).isEqualTo(403);
            assertThat(t.send("POST", "/v1/customers/c-z/screening", confirm, t.auditorKey).status()).isEqualTo(403);
            assertThat(t.send("POST", "/v1/customers/c-z/screening", confirm.replace("confirmed\"", "maybe\""), compliance).code()).isEqualTo("invalid_request");
            assertThat(t.send("POST", "/v1/customers/c-z/screening", confirm.replace("\"reason\":\"DOB", "\"reason\":\"\",\"x\":\"DOB"), compliance).code()).isEqualTo("invalid_request");
            assertThat(t.send("POST", "/v1/customers/c-john/screening", confirm, compliance).code()).isEqualTo("screening_hit_not_found");
            assertThat(t.send("POST", "/v1/customers/nobody/screening", confirm, compliance).code()).isEqualTo("customer_not_found");

            // confirmed: frozen, payments out refused sanctions_hit (distinct from customer_frozen)
            assertThat(t.post("/v1/payments", payment("p-before", "w-z", "shop")).status()).isEqualTo(201);
            TestServer.Resp confirmed = t.send("POST", "/v1/customers/c-z/screening", confirm, compliance);
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
            assertThat(confirmed.json().path("frozen").asBoolean()).isTrue();
            assertThat(confirmed.json().path("screening").path("status").asText()).isEqualTo("confirmed_match");
            assertThat(confirmed.json().path("screening").path("verdicts").path(0).path("reason").asText()).startsWith("DOB and");
            TestServer.Resp refused = t.post("/v1/payments", payment("p-after", "w-z", "shop"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("sanctions_hit");
            assertThat(t.transfer("t-out", "w-z", "shop", USD).code()).isEqualTo("sanctions_hit");
            // as payee: refused sanctions_hit naming the payee side, before anything is decided or reserved
            TestServer.Resp toFrozen = t.post("/v1/payments", payment("p-to", "w-john", "w-z"));
            assertThat(toFrozen.status()).as(toFrozen.body()).isEqualTo(422);
            assertThat(toFrozen.code()).isEqualTo("sanctions_hit");
            assertThat(toFrozen.json().path("party").asText()).isEqualTo("payee");
            assertThat(toFrozen.json().path("customer_id").asText()).isEqualTo("c-z");
            assertThat(refused.json().path("party").asText()).isEqualTo("payer");
            assertThat(t.transfer("t-in", "w-john", "w-z", USD).code()).isEqualTo("sanctions_hit");
            assertThat(t.get("/v1/payments/p-to").status()).as("nothing decided").isEqualTo(404);
            assertThat(t.balance("w-z")).isEqualTo(990 * USD);

            // false positive: allowlisted for this entry as it is
            TestServer.Resp z2 = t.post("/v1/customers", customer("c-z2", "Ayman Zawahiri", "1951-06-19", "EG", "w-z2"));
            assertThat(z2.json().path("screening").path("status").asText()).isEqualTo("potential_match");
            String clear = "{\"entity_id\":\"ofac_sdn:2676\",\"verdict\":\"false_positive\",\"reason\":\"different person: passport checked\",\"expires_at\":\"2099-01-01T00:00:00Z\"}";
            assertThat(t.send("POST", "/v1/customers/c-z2/screening", clear.replace("2099", "2001"), compliance).code()).isEqualTo("invalid_request");
            TestServer.Resp cleared = t.send("POST", "/v1/customers/c-z2/screening", clear, compliance);
            assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
            assertThat(cleared.json().path("screening").path("status").asText()).isEqualTo("clear");
            assertThat(cleared.json().path("frozen").asBoolean()).isFalse();

            // a new version where only another entry changed: re-screened, the cleared hit stays cleared
            String version2 = t.post("/v1/screening/lists", lists("v2", "", "BANCO CENTRAL DE CUBA")).json().path("list_version").asText();
            JsonNode after2 = awaitScreening(t, compliance, "c-z2", s -> s.path("list_version").asText().equals(version2));
            assertThat(after2.path("status").asText()).isEqualTo("clear");
            assertThat(awaitScreening(t, compliance, "c-z", s -> true).path("status").asText()).isEqualTo("confirmed_match");
            assertThat(awaitScreening(t, compliance, "c-john", s -> s.path("list_version").asText().equals(version2))
                    .path("status").asText()).isEqualTo("clear");

            // the entry itself changed: raised again
            String version3 = t.post("/v1/screening/lists", lists("v3", "; Passport 1084010 (Egypt)", "BANCO CENTRAL DE CUBA"))
                    .json().path("list_version").asText();
            JsonNode after3 = awaitScreening(t, compliance, "c-z2", s -> s.path("list_version").asText().equals(version3));
            assertThat(after3.path("status").asText()).isEqualTo("potential_match");
            assertThat(after3.path("hits").path(0).path("entity_id").asText()).isEqualTo("ofac_sdn:2676");
            assertThat(t.get("/metrics").body()).contains("farthing_customer_rescreen");
        }
    }

    /**
     * The shared OFAC releases 2021-07 and 2024-05: ofac_sdn:6916 (ALI, Ahmed Mohammed Hamed) is the same in both,
     * ofac_sdn:6903 (AL-WALID, Mahfouz Ould) gained a nationality and birth place; a false positive on the first
     * stays cleared on the new release, one on the second is raised again.
     */
    @Test
    void falsePositivesOnTheSharedOfacReleasesComeBackOnlyWhenTheirEntryChanged() throws IOException {
        Path lists = Path.of(System.getProperty("farthing.shared.dir", "../shared")).resolve("data/sanctions");
        assumeTrue(Files.isDirectory(lists.resolve("ofac-2021-07")) && Files.isDirectory(lists.resolve("ofac-2024-05")),
                "shared OFAC releases ofac-2021-07 and ofac-2024-05 not found under " + lists.toAbsolutePath()
                        + " (link ../shared to the shared data); skipping");
        try (TestServer t = TestServer.start(dir)) {
            String compliance = ApiKeys.create(t.dataDir, Role.COMPLIANCE, "test compliance");
            assertThat(t.createAccount("w-ali", "wallet").status()).isEqualTo(201);
            assertThat(t.createAccount("w-walid", "wallet").status()).isEqualTo(201);
            String old = "{\"ofac_dir\":" + TestServer.MAPPER.writeValueAsString(lists.resolve("ofac-2021-07").toAbsolutePath().toString()) + "}";
            TestServer.Resp v1 = t.post("/v1/screening/lists", old);
            assertThat(v1.status()).as(v1.body()).isEqualTo(200);
            for (String[] c : new String[][] {{"c-ali", "Ahmed Mohammed Hamed Ali", "1965-03-01", "EG", "w-ali", "ofac_sdn:6916"},
                    {"c-walid", "Mahfouz Ould al-Walid", "1975-01-01", "MR", "w-walid", "ofac_sdn:6903"}}) {
                TestServer.Resp made = t.post("/v1/customers", customer(c[0], c[1], c[2], c[3], c[4]));
                assertThat(made.json().path("screening").path("status").asText()).as(made.body()).isEqualTo("potential_match");
                String fp = "{\"entity_id\":\"" + c[5] + "\",\"verdict\":\"false_positive\",\"reason\":\"different person\"}";
                TestServer.Resp cleared = t.send("POST", "/v1/customers/" + c[0] + "/screening", fp, compliance);
                assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
                assertThat(cleared.json().path("screening").path("hits").toString()).doesNotContain(c[5]);
            }
            String newer = "{\"ofac_dir\":" + TestServer.MAPPER.writeValueAsString(lists.resolve("ofac-2024-05").toAbsolutePath().toString()) + "}";
            String v2 = t.post("/v1/screening/lists", newer).json().path("list_version").asText();
            JsonNode ali = awaitScreening(t, compliance, "c-ali", s -> s.path("list_version").asText().equals(v2));
            assertThat(ali.path("hits").toString()).doesNotContain("ofac_sdn:6916");
            JsonNode walid = awaitScreening(t, compliance, "c-walid", s -> s.path("list_version").asText().equals(v2));
            assertThat(walid.path("status").asText()).isEqualTo("potential_match");
            assertThat(walid.path("hits").toString()).contains("ofac_sdn:6903");
        }
    }

    /** A confirmed hit found wrong is lifted by a false_positive verdict: unfrozen, payments both ways flow again. */
    @Test
    void liftingAConfirmedHitUnfreezesTheCustomer() throws IOException {
        try (TestServer t = TestServer.start(dir)) {
            String compliance = ApiKeys.create(t.dataDir, Role.COMPLIANCE, "test compliance");
            for (String a : new String[] {"w-z", "w-john"}) assertThat(t.createAccount(a, "wallet").status()).isEqualTo(201);
            assertThat(t.createAccount("bank", "settlement").status()).isEqualTo(201);
            assertThat(t.transfer("fund", "bank", "w-z", 100 * USD).status()).isEqualTo(201);
            assertThat(t.transfer("fund2", "bank", "w-john", 100 * USD).status()).isEqualTo(201);
            assertThat(t.post("/v1/screening/lists", lists("v1", "", "BANCO NACIONAL DE CUBA")).status()).isEqualTo(200);
            assertThat(t.post("/v1/customers", customer("c-z", "Ayman al-Zawahiri", "1951-06-19", "EG", "w-z")).status()).isEqualTo(201);
            assertThat(t.post("/v1/customers", customer("c-john", "John Q. Public", "1980-02-29", "US", "w-john")).status()).isEqualTo(201);
            String confirm = "{\"entity_id\":\"ofac_sdn:2676\",\"verdict\":\"confirmed\",\"reason\":\"DOB agrees\"}";
            assertThat(t.send("POST", "/v1/customers/c-z/screening", confirm, compliance).json().path("frozen").asBoolean()).isTrue();
            assertThat(t.transfer("t-in", "w-john", "w-z", USD).code()).isEqualTo("sanctions_hit");
            // a channel counterparty is screened too: no channel opens to (or from) it
            String key = dev.farthing.channel.protocol.XrplKeys.toXrpl(dev.farthing.keys.Ed25519.generate(new java.security.SecureRandom()).publicKey());
            String channel = "{\"id\":\"" + "AB".repeat(32) + "\",\"kind\":\"one_way\",\"payer\":\"w-john\",\"payee\":\"w-z\","
                    + "\"amount\":1000,\"currency\":\"USD\",\"public_key\":\"" + key + "\",\"settle_delay_s\":3600}";
            TestServer.Resp toChannel = t.post("/v1/channels", channel);
            assertThat(toChannel.status()).as(toChannel.body()).isEqualTo(422);
            assertThat(toChannel.code()).isEqualTo("sanctions_hit");
            assertThat(toChannel.json().path("party").asText()).isEqualTo("payee");

            String lift = "{\"entity_id\":\"ofac_sdn:2676\",\"verdict\":\"false_positive\",\"reason\":\"passport shows another person\"}";
            TestServer.Resp lifted = t.send("POST", "/v1/customers/c-z/screening", lift, compliance);
            assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
            assertThat(lifted.json().path("frozen").asBoolean()).isFalse();
            JsonNode s = lifted.json().path("screening");
            assertThat(s.path("status").asText()).isEqualTo("clear");
            assertThat(s.path("verdicts").path(0).path("verdict").asText()).isEqualTo("false_positive");
            assertThat(s.path("verdicts").path(0).path("reason").asText()).isEqualTo("passport shows another person");
            assertThat(s.path("verdicts").path(0).path("by").asText()).isNotBlank();
            // the ledger freeze is lifted too: money moves in and out again
            assertThat(t.transfer("t-in2", "w-john", "w-z", USD).status()).isEqualTo(201);
            assertThat(t.transfer("t-out", "w-z", "w-john", USD).status()).isEqualTo(201);
            assertThat(t.balance("w-z")).isEqualTo(100 * USD);
            assertThat(t.post("/v1/channels", channel).status()).as("lifted: the channel opens").isEqualTo(201);
        }
    }

    @Test
    void screeningsAndVerdictsSurviveARestart() throws IOException {
        String version;
        try (TestServer t = TestServer.start(dir)) {
            String compliance = ApiKeys.create(t.dataDir, Role.COMPLIANCE, "test compliance");
            assertThat(t.createAccount("w-z", "wallet").status()).isEqualTo(201);
            version = t.post("/v1/screening/lists", lists("v1", "", "BANCO NACIONAL DE CUBA")).json().path("list_version").asText();
            assertThat(t.post("/v1/customers", customer("c-z", "Ayman al-Zawahiri", "1951-06-19", "EG", "w-z")).status()).isEqualTo(201);
            String confirm = "{\"entity_id\":\"ofac_sdn:2676\",\"verdict\":\"confirmed\",\"reason\":\"passport matches\"}";
            assertThat(t.send("POST", "/v1/customers/c-z/screening", confirm, compliance).status()).isEqualTo(200);
        }
        // the screening log holds no personal data: explanations (which quote the query) stay in memory
        try (var files = Files.walk(dir.resolve("data/customers/screening"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(text).as(f.toString()).doesNotContain("explanation").doesNotContain("al-Zawahiri");
            }
        }
        try (TestServer t = TestServer.start(dir)) {
            String compliance = ApiKeys.create(t.dataDir, Role.COMPLIANCE, "test compliance 2");
            JsonNode s = t.send("GET", "/v1/customers/c-z", (String) null, compliance).json().path("screening");
            assertThat(s.path("status").asText()).isEqualTo("confirmed_match");
            assertThat(s.path("list_version").asText()).isEqualTo(version);
            assertThat(s.path("verdicts").path(0).path("reason").asText()).isEqualTo("passport matches");
            assertThat(t.createAccount("shop", "merchant").status()).isEqualTo(201);
            assertThat(t.transfer("t-out2", "w-z", "shop", 1).code()).isEqualTo("sanctions_hit");
        }
    }
}
