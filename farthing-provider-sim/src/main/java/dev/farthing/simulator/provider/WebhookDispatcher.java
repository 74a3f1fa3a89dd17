package dev.farthing.simulator.provider;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers events as signed webhooks: header {@code Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body" under the provider's secret>}. Some deliveries are lost; some are delivered again on the next tick
 * (same event id, freshly signed), as a provider's retry would.
 */
final class WebhookDispatcher {
    static final String SIGNATURE_HEADER = "Webhook-Signature";

    private record Pending(String providerId, String secret, String body) {
    }

    private final String urlTemplate;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Pending> redeliveries = new ArrayList<>();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    WebhookDispatcher(String urlTemplate) {
        this.urlTemplate = urlTemplate;
    }

    /** Sends this tick's events and last tick's duplicates; synchronous, so a manual clock's advance is ordered. */
    synchronized void dispatch(SimulatedProvider provider, List<SimulatedProvider.Event> events, Instant now) {
        String secret = provider.knobs().webhookSecret();
        for (SimulatedProvider.Event e : events) {
            boolean[] fate = provider.deliveryFate();
            if (fate[0]) {
                lost.incrementAndGet();
                continue;
            }
            String body = body(e, now);
            send(provider.knobs().id(), secret, body, now);
            if (fate[1]) {
                duplicated.incrementAndGet();
                redeliveries.add(new Pending(provider.knobs().id(), secret, body));
            }
        }
    }

    /** Redelivers the duplicates held from earlier ticks. */
    synchronized void redeliver(Instant now) {
        List<Pending> due = List.copyOf(redeliveries);
        redeliveries.clear();
        for (Pending p : due) {
            send(p.providerId(), p.secret(), p.body(), now);
        }
    }

    private static String body(SimulatedProvider.Event e, Instant now) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", e.id());
        o.put("type", e.type());
        o.put("created", now.getEpochSecond());
        o.set("payout", e.payout());
        return o.toString();
    }

    private void send(String providerId, String secret, String body, Instant now) {
        if (urlTemplate == null) {
            return;
        }
        long t = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(urlTemplate.replace("{provider}", providerId)))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, "t=" + t + ",v1=" + sign(secret, t, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            (status / 100 == 2 ? delivered : failed).incrementAndGet();
        } catch (IOException e) {
            failed.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.incrementAndGet();
        }
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
