package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the curl requests of README.md's "Using it" section, as written there, against a fresh server with the
 * shipped model and default policy, and checks what the README says they do.
 */
class ReadmeExampleTest {
    private static final Pattern CURL = Pattern.compile("curl -s (.*?)(?=\\ncurl |\\n#|\\n```)", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("-d '(.*?)'", Pattern.DOTALL);
    private static final Pattern URL = Pattern.compile("localhost:8080(/\\S*)");
    @TempDir
    Path dir;

    /** {@code reviewer}: the command authenticates with {@code $REVIEWER_KEY}, else with {@code $KEY} (admin). */
    record Request(String method, String path, String body, boolean reviewer) {
        Request(String method, String path, String body) {
            this(method, path, body, false);
        }
    }

    static List<Request> readmeRequests() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int from = readme.indexOf("## Using it");
        int to = readme.indexOf("The server serves the full API");
        assertThat(from).as("README has a 'Using it' section").isPositive();
        String section = readme.substring(from, to);
        List<Request> requests = new ArrayList<>();
        Matcher curl = CURL.matcher(section);
        while (curl.find()) {
            String command = curl.group(1);
            Matcher url = URL.matcher(command);
            assertThat(url.find()).as(command).isTrue();
            Matcher body = BODY.matcher(command);
            boolean reviewer = command.contains("$REVIEWER_KEY");
            requests.add(body.find() ? new Request("POST", url.group(1), body.group(1), reviewer)
                    : new Request("GET", url.group(1), null, reviewer));
        }
        return requests;
    }

    @Test
    void theReadmeExampleDoesWhatTheReadmeSays() throws IOException {
        List<Request> requests = readmeRequests();
        assertThat(requests).extracting(Request::path).contains("/v1/payments", "/v1/reviews/refund-1",
                "/v1/payments/PAYMENT_ID/challenge");
        Map<String, TestServer.Resp> replies = new LinkedHashMap<>();
        try (TestServer t = TestServer.start(dir)) {
            for (Request r : requests) {
                String path = r.path().replace("PAYMENT_ID", "pay-1");
                TestServer.Resp resp = t.send(r.method(), path, r.body(), r.reviewer() ? t.reviewerKey : t.adminKey);
                String key = r.body() == null ? path : path + " " + TestServer.MAPPER.readTree(r.body()).path("id").asText();
                replies.put(key.strip(), resp);
            }
            for (String account : List.of("bank", "alice", "daily-news")) {
                assertThat(replies.get("/v1/accounts " + account).status()).as(account).isEqualTo(201);
            }
            assertThat(replies.get("/v1/transfers topup-1").status()).isEqualTo(201);
            assertThat(replies.get("/v1/accounts/alice").json().path("balance").asLong()).isEqualTo(5_000_000);

            JsonNode pay = replies.get("/v1/payments pay-1").json();
            assertThat(replies.get("/v1/payments pay-1").status()).as(pay.toString()).isEqualTo(201);
            // The README promises this payment is approved with the shipped model and default policy.
            assertThat(pay.path("decision").asText()).as("README's pay-1: " + pay).isEqualTo("approved");
            assertThat(pay.path("status").asText()).isEqualTo("posted");
            assertThat(pay.path("warnings").size()).isZero();

            JsonNode refund = replies.get("/v1/payments refund-1").json();
            // The default policy's graph rule (mule_ring_round_trip) holds money sent straight back for review.
            assertThat(refund.path("decision").asText()).as("README's refund-1: " + refund).isEqualTo("held_for_review");
            assertThat(refund.path("risk").path("reasons").toString()).contains("mule_ring_round_trip");
            assertThat(replies.get("/v1/reviews").json().path("reviews").toString()).contains("\"refund-1\"");
            JsonNode reviewed = replies.get("/v1/reviews/refund-1").json();
            assertThat(reviewed == null ? null : reviewed.path("status").asText()).isEqualTo("posted");

            // The challenge command is a real route with the body it expects: on an approved payment it says so.
            TestServer.Resp challenge = replies.get("/v1/payments/pay-1/challenge");
            assertThat(challenge.status()).as(challenge.body()).isEqualTo(409);
            assertThat(challenge.code()).isEqualTo("invalid_state");

            assertThat(t.balance("alice")).isEqualTo(5_000_000 - 10_000 + 5_000);
            assertThat(t.balance("daily-news")).isEqualTo(10_000 - 5_000);
            assertThat(t.get("/v1/accounts/alice").json().path("debits_pending").asLong()).as("no hold left").isZero();
        }
    }
}
