package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /v1/analytics/query} on a real server: 30 customers (20 US, 10 DE) pay creator-a three times each,
 * two pay creator-b once. Noise is real (the default parameters), so assertions use bounds the noise exceeds with
 * probability below e^-10.
 */
class AnalyticsHttpTest {
    static final long USD = 1_000_000; // the test ledger's USD has scale 6
    @TempDir
    Path dir;
    TestServer t;

    @BeforeEach
    void start() {
        t = TestServer.start(dir);
        assertThat(t.createAccount("bank", "settlement").status()).isEqualTo(201);
        assertThat(t.createAccount("creator-a", "merchant").status()).isEqualTo(201);
        assertThat(t.createAccount("creator-b", "merchant").status()).isEqualTo(201);
        ObjectNode policy = TestServer.MAPPER.createObjectNode().put("source", CustomerHttpTest.APPROVE_ALL);
        assertThat(t.send("PUT", "/v1/policies", policy.toString(), t.adminKey).status()).isEqualTo(200);
        for (int i = 0; i < 30; i++) {
            String wallet = "w-payer-" + i;
            assertThat(t.createAccount(wallet, "wallet").status()).isEqualTo(201);
            assertThat(t.transfer("fund-" + i, "bank", wallet, 100 * USD).status()).isEqualTo(201);
            TestServer.Resp made = t.post("/v1/customers", "{\"id\":\"cust-" + i + "\",\"type\":\"person\",\"name\":\"Payer Number"
                    + i + "\",\"country\":\"" + (i < 20 ? "US" : "DE") + "\",\"account_ids\":[\"" + wallet + "\"]}");
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            for (int k = 0; k < 3; k++) {
                pay("p-" + i + "-" + k, wallet, "creator-a", 2 * USD);
            }
            if (i < 2) {
                pay("p-b-" + i, wallet, "creator-b", 2 * USD);
            }
        }
    }

    private void pay(String id, String payer, String payee, long amount) {
        TestServer.Resp r = t.post("/v1/payments", "{\"id\":\"" + id + "\",\"payer\":\"" + payer + "\",\"payee\":\"" + payee
                + "\",\"amount\":" + amount + ",\"currency\":\"USD\",\"context\":{\"device_id\":\"dev-" + payer + "\",\"ip\":\"203.0.113.9\",\"country\":\"FR\"}}");
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        assertThat(r.json().path("status").asText()).as(r.body()).isEqualTo("posted");
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private TestServer.Resp query(String body, String key) {
        return t.send("POST", "/v1/analytics/query", body, key);
    }

    @Test
    void countsAndSumsAreNoisyButCloseAndSmallGroupsAreNotReleased() {
        TestServer.Resp r = query("{\"metric\":\"count\",\"group_by\":\"creator\",\"epsilon\":2}", t.auditorKey);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode groups = r.json().path("groups");
        assertThat(groups).hasSize(1); // creator-b: 2 payments, far below the release threshold
        assertThat(groups.get(0).path("key").asText()).isEqualTo("creator-a");
        double scale = r.json().path("privacy").path("count_noise_scale").asDouble();
        assertThat(scale).isEqualTo(2.5); // 5 payments per subject / epsilon 2
        assertThat(groups.get(0).path("count").asLong()).isBetween(90 - (long) (10 * scale), 90 + (long) (10 * scale));
        assertThat(r.json().path("privacy").path("release_threshold").asLong()).isGreaterThan(2);
        assertThat(r.json().path("budget").path("remaining").decimalValue()).isEqualByComparingTo("8");

        // Larger epsilons (and budget) for the money metrics, whose count gets half: restart with them; facts persist.
        t.close();
        System.setProperty("farthing.analytics.maxEpsilon", "8");
        System.setProperty("farthing.analytics.budget", "100");
        try {
            t = TestServer.start(dir);
        } finally {
            System.clearProperty("farthing.analytics.maxEpsilon");
            System.clearProperty("farthing.analytics.budget");
        }
        TestServer.Resp byCountry = query("{\"metric\":\"sum\",\"group_by\":\"country\",\"epsilon\":8,\"currency\":\"USD\"}", t.auditorKey);
        assertThat(byCountry.status()).as(byCountry.body()).isEqualTo(200);
        assertThat(byCountry.json().path("currency").asText()).isEqualTo("USD");
        JsonNode us = null;
        for (JsonNode g : byCountry.json().path("groups")) {
            assertThat(g.path("key").asText()).as("the customer's country, not the payment's FR signal").isIn("US", "DE");
            us = g.path("key").asText().equals("US") ? g : us;
        }
        assertThat(us).as(byCountry.body()).isNotNull();
        double sumScale = byCountry.json().path("privacy").path("value_noise_scale").asDouble();
        assertThat(sumScale).isEqualTo(5.0 * 10 * USD / 4); // 5 payments × clip 10 USD / epsilon 4
        assertThat(us.path("value").asLong()).isBetween(120 * USD - (long) (10 * sumScale), 120 * USD + (long) (10 * sumScale));
        // the restarted TestServer made a new auditor key: a budget of its own
        assertThat(byCountry.json().path("budget").path("remaining").decimalValue()).isEqualByComparingTo("92");

        TestServer.Resp median = query("{\"metric\":\"quantile\",\"group_by\":\"day\",\"epsilon\":8,\"quantile\":0.5,\"currency\":\"USD\"}", t.auditorKey);
        assertThat(median.status()).as(median.body()).isEqualTo(200);
        assertThat(median.json().path("quantile").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(median.json().path("groups").get(0).path("value").asLong()).isEqualTo(2 * USD); // the (1, 2] USD bucket
    }

    @Test
    void theBudgetIsPerKeyNeverOverspentUnderConcurrencyAndKeptAcrossRestarts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<TestServer.Resp>> answers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            answers.add(pool.submit(() -> query("{\"metric\":\"count\",\"group_by\":\"day\",\"epsilon\":1}", t.auditorKey)));
        }
        int ok = 0;
        int exhausted = 0;
        for (Future<TestServer.Resp> f : answers) {
            TestServer.Resp r = f.get();
            if (r.status() == 200) {
                ok++;
                assertThat(r.json().path("budget").path("remaining").decimalValue().signum()).isNotNegative();
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(403);
                assertThat(r.code()).isEqualTo("privacy_budget_exhausted");
                assertThat(r.json().path("budget").path("remaining").decimalValue()).isEqualByComparingTo("0");
                exhausted++;
            }
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(10);
        assertThat(exhausted).isEqualTo(14);
        assertThat(query("{\"metric\":\"count\",\"group_by\":\"day\",\"epsilon\":1}", t.adminKey).status())
                .as("another key has its own budget").isEqualTo(200);

        String auditor = t.auditorKey;
        t.close();
        t = TestServer.start(dir);
        TestServer.Resp after = query("{\"metric\":\"count\",\"group_by\":\"day\",\"epsilon\":0.01}", auditor);
        assertThat(after.status()).as(after.body()).isEqualTo(403);
        assertThat(after.json().path("budget").path("spent").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void badQueriesAre400NamingTheFieldAndSpendNothing() {
        String key = t.auditorKey;
        assertBad(query("{\"metric\":\"count\",\"group_by\":\"day\",\"epsilon\":1,\"limit\":3}", key), "limit");
        assertBad(query("{\"metric\":\"count\",\"group_by\":\"day\",\"epsilon\":\"1\"}", key), "epsilon");
        assertBad(query("{\"metric\":\"count\",\"group_by\":\"day\",\"epsilon\":0}", key), "epsilon");
        assertBad(query("{\"metric\":\"count\",\"group_by\":\"day\",\"epsilon\":3}", key), "epsilon");
        assertBad(query("{\"metric\":\"count\",\"group_by\":\"day\",\"epsilon\":0.0000001}", key), "epsilon");
        assertBad(query("{\"metric\":\"median\",\"group_by\":\"day\",\"epsilon\":1}", key), "metric");
        assertBad(query("{\"metric\":\"count\",\"group_by\":\"week\",\"epsilon\":1}", key), "group_by");
        assertBad(query("{\"metric\":\"count\",\"epsilon\":1}", key), "group_by");
        assertBad(query("{\"metric\":1,\"group_by\":\"day\",\"epsilon\":1}", key), "metric");
        assertBad(query("{\"metric\":\"count\",\"group_by\":\"day\",\"epsilon\":1,\"quantile\":0.5}", key), "quantile");
        assertBad(query("{\"metric\":\"quantile\",\"group_by\":\"day\",\"epsilon\":1,\"quantile\":1}", key), "quantile");
        assertBad(query("{\"metric\":\"sum\",\"group_by\":\"day\",\"epsilon\":1,\"currency\":\"XYZ\"}", key), "currency");
        assertBad(query("[1]", key), "object");
        assertBad(query("{\"metric\":\"sum\",\"group_by\":\"day\",\"epsilon\":1}", key), "currency");
        TestServer.Resp ok = query("{\"metric\":\"count\",\"group_by\":\"day\",\"epsilon\":0.25}", key);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("budget").path("spent").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(query("{\"metric\":\"count\",\"group_by\":\"day\",\"epsilon\":1}", null).status()).isEqualTo(401);
    }

    private static void assertBad(TestServer.Resp r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("invalid_request");
        assertThat(r.json().path("detail").asText()).as(r.body()).contains(field);
    }

    @Test
    void theFactsOnDiskArePseudonymous() throws IOException {
        List<String> raw = new ArrayList<>();
        try (Stream<Path> files = Files.walk(t.dataDir.resolve("analytics"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                raw.add(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        String all = String.join("\n", raw);
        assertThat(all).contains("creator-a").contains("subject_");
        assertThat(all).doesNotContain("cust-").doesNotContain("w-payer-").doesNotContain("Payer Number");
    }
}
