package dev.farthing.settlement.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.settlement.connector.PayoutInstruction;
import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.connector.SubmitOutcome;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed webhooks from the simulator, some lost and some delivered twice, through the verifier: every accepted event
 * is authentic, none is applied twice, and polling recovers the payouts whose webhook was lost.
 */
class WebhookEndToEndTest {
    private static final String SECRET = "whsec-test-0123456789";

    @Test
    void lostAndDuplicatedWebhooksEndWithEveryPayoutKnownOnceAndTheBooksAgreeing() throws Exception {
        long seed = Long.getLong("farthing.seed", System.nanoTime() % 100_000);
        System.out.println("WebhookEndToEndTest seed=" + seed + " (-Dfarthing.seed=" + seed + " to reproduce)");
        AtomicReference<Instant> simNow = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
        WebhookVerifier verifier = WebhookVerifier.of("flaky", SECRET.getBytes(StandardCharsets.UTF_8), simNow::get);
        Map<String, ProviderStatus> applied = new HashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger appliedTwice = new AtomicInteger();
        try (WebhookInbox inbox = new WebhookInbox(d -> {
            WebhookVerdict v = verifier.verify(d.signature(), d.body());
            switch (v) {
                case WebhookVerdict.Accepted a -> {
                    synchronized (applied) {
                        if (applied.put(a.event().idempotencyKey(), a.event().status()) != null) {
                            appliedTwice.incrementAndGet();
                        }
                    }
                    return 200;
                }
                case WebhookVerdict.Duplicate ignored -> {
                    duplicates.incrementAndGet();
                    return 200;
                }
                case WebhookVerdict.Rejected r -> {
                    rejected.incrementAndGet();
                    return r.reason().httpStatus;
                }
            }
        });
             ProviderSimulatorProcess sim = ProviderSimulatorProcess.start("{\"seed\":" + seed
                     + ",\"manualClock\":true,\"start\":\"2026-01-05T09:00:00Z\",\"webhookUrl\":\"http://127.0.0.1:"
                     + inbox.port() + "/v1/settlement/webhooks/{provider}\",\"providers\":[{\"id\":\"flaky\","
                     + "\"webhookSecret\":\"" + SECRET + "\",\"settleAfterSeconds\":30,\"failureRate\":0.2,"
                     + "\"lostWebhookRate\":0.3,\"duplicateWebhookRate\":0.5,"
                     + "\"corridors\":[{\"currency\":\"GBP\",\"country\":\"GB\",\"fixedFeeMinor\":10,\"basisPoints\":0}]}]}");
             HttpProviderConnector c = new HttpProviderConnector(new HttpProviderConfig("flaky", sim.providerUri("flaky"),
                     null, Duration.ofSeconds(5), Duration.ofSeconds(1)))) {
            int n = 40;
            for (int i = 0; i < n; i++) {
                PayoutInstruction in = new PayoutInstruction("po-" + i + ":flaky:1", "po-" + i, "payee-" + i, "GBP", 2,
                        100 + i, "GB", "Payee " + i, "GB33BUKB20201555555555");
                assertThat(c.submit(in)).isInstanceOf(SubmitOutcome.Accepted.class);
            }
            simNow.set(simNow.get().plusSeconds(30));
            sim.advance(30); // settles all, sends the webhooks that are not lost
            simNow.set(simNow.get().plusSeconds(30));
            sim.advance(30); // redelivers the duplicates, re-signed
            JsonNode counters = sim.books().get("webhooks");
            assertThat(inbox.deliveries()).hasSize(counters.get("delivered").asInt() + counters.get("failed").asInt());
            assertThat(rejected.get()).isZero();
            assertThat(appliedTwice.get()).as("no payout's event applied twice").isZero();
            assertThat(counters.get("lost").asInt()).as("seed %d lost some", seed).isPositive();
            assertThat(duplicates.get()).isEqualTo(counters.get("duplicated").asInt());
            assertThat(applied.size()).isEqualTo(n - counters.get("lost").asInt());
            // Recover the lost ones by polling; every payout ends final, and what the webhooks said agrees with polling.
            Set<String> recovered = new HashSet<>();
            for (int i = 0; i < n; i++) {
                String key = "po-" + i + ":flaky:1";
                ProviderStatus polled = c.status(key);
                assertThat(polled).isInstanceOfAny(ProviderStatus.Paid.class, ProviderStatus.Failed.class);
                ProviderStatus pushed = applied.get(key);
                if (pushed == null) {
                    recovered.add(key);
                } else {
                    assertThat(pushed).isEqualTo(polled);
                }
            }
            assertThat(recovered).hasSize(counters.get("lost").asInt());
            // A captured delivery replayed later than the window is refused.
            WebhookInbox.Delivery old = inbox.deliveries().getFirst();
            simNow.set(simNow.get().plusSeconds(3600));
            assertThat(verifier.verify(old.signature(), old.body())).isInstanceOf(WebhookVerdict.Rejected.class);
        }
    }
}
