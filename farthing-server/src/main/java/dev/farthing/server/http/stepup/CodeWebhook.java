package dev.farthing.server.http.stepup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;

/**
 * Delivers one-time codes to the platform: {@code POST} of a JSON body to the configured URL with
 * {@code Farthing-Timestamp: <unix seconds>} and {@code Farthing-Signature: v1=<hex HMAC-SHA256(secret,
 * timestamp + "." + body)>}, so the platform can check that Farthing sent it and that it is fresh. Sent in the
 * background, at most {@link #MAX_IN_FLIGHT} at once (beyond that a delivery is dropped with a warning: the
 * payer asks again when the code does not come).
 */
final class CodeWebhook {
    private static final Logger LOG = LoggerFactory.getLogger(CodeWebhook.class);
    static final int MAX_IN_FLIGHT = 64;
    private final URI url;
    private final byte[] secret;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    CodeWebhook(URI url, byte[] secret) {
        this.url = url;
        this.secret = secret.clone();
    }

    static String signature(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no HmacSHA256", e);
        }
    }

    void send(byte[] body, long timestampSeconds) {
        if (!inFlight.tryAcquire()) {
            LOG.warn("step-up code webhook: {} deliveries in flight; this one is dropped", MAX_IN_FLIGHT);
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Farthing-Timestamp", Long.toString(timestampSeconds))
                .header("Farthing-Signature", signature(secret, timestampSeconds, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            inFlight.release();
            if (e != null) {
                LOG.warn("step-up code webhook to {} failed: {}", url, e.toString());
            } else if (r.statusCode() / 100 != 2) {
                LOG.warn("step-up code webhook to {} answered {}", url, r.statusCode());
            }
        });
    }

    /** Stops the client's threads (deliveries in flight are abandoned; the payer asks again). */
    void close() {
        client.shutdownNow();
    }
}
