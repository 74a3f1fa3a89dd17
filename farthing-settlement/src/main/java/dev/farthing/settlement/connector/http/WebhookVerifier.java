package dev.farthing.settlement.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.connector.http.ProviderJson.MalformedProviderJson;
import dev.farthing.settlement.connector.http.WebhookVerdict.Reason;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies one provider's webhooks: header {@code Webhook-Signature: t=<unix seconds>,v1=<hex>} where the hex is
 * HMAC-SHA256 under the shared secret of {@code t + "." + body} (several {@code v1} entries are allowed, for
 * secret rotation on the provider's side). The timestamp must be within the replay window of this verifier's clock,
 * and an event id already accepted inside the window is a {@link WebhookVerdict.Duplicate}.
 *
 * <p>The remembered ids are bounded: ids older than the window are dropped (a replay of them fails the window check
 * anyway), and past {@code dedupCapacity} the oldest go first, so a flood cannot grow memory. Thread-safe (webhook
 * routes are called concurrently); not on any hot path.
 */
public final class WebhookVerifier {
    public static final String SIGNATURE_HEADER = "Webhook-Signature";
    /** Larger bodies are refused before any HMAC work. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String providerId;
    private final SecretKeySpec key;
    private final long windowSeconds;
    private final int dedupCapacity;
    private final InstantSource clock;
    /** Accepted event id to its signature timestamp, oldest first. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    public WebhookVerifier(String providerId, byte[] secret, Duration replayWindow, int dedupCapacity, InstantSource clock) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("webhook secret must have at least 16 bytes");
        }
        if (replayWindow.isNegative() || replayWindow.isZero() || dedupCapacity < 1) {
            throw new IllegalArgumentException("replay window and dedup capacity must be positive");
        }
        this.providerId = providerId;
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.windowSeconds = replayWindow.toSeconds();
        this.dedupCapacity = dedupCapacity;
        this.clock = clock;
    }

    /** Five-minute window, 100,000 remembered ids. */
    public static WebhookVerifier of(String providerId, byte[] secret, InstantSource clock) {
        return new WebhookVerifier(providerId, secret, Duration.ofMinutes(5), 100_000, clock);
    }

    public String providerId() {
        return providerId;
    }

    public WebhookVerdict verify(String signatureHeader, byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            return new WebhookVerdict.Rejected(Reason.MALFORMED, "body larger than " + MAX_BODY_BYTES + " bytes");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        if (signatureHeader != null) {
            for (String part : signatureHeader.split(",")) {
                String p = part.strip();
                try {
                    if (p.startsWith("t=")) {
                        timestamp = Long.parseLong(p.substring(2));
                    } else if (p.startsWith("v1=")) {
                        signatures.add(HexFormat.of().parseHex(p.substring(3)));
                    }
                } catch (IllegalArgumentException e) {
                    return new WebhookVerdict.Rejected(Reason.MISSING_SIGNATURE, "unparseable signature header");
                }
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return new WebhookVerdict.Rejected(Reason.MISSING_SIGNATURE, SIGNATURE_HEADER + " needs t= and v1=");
        }
        byte[] expected = mac(timestamp, body);
        boolean authentic = false;
        for (byte[] s : signatures) {
            authentic |= MessageDigest.isEqual(expected, s); // constant time
        }
        if (!authentic) {
            return new WebhookVerdict.Rejected(Reason.BAD_SIGNATURE, "no signature matches the body");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > windowSeconds) {
            return new WebhookVerdict.Rejected(Reason.OUTSIDE_REPLAY_WINDOW,
                    "signed at " + timestamp + ", now " + now + ", window " + windowSeconds + " s");
        }
        WebhookEvent event;
        try {
            event = parse(body, Instant.ofEpochSecond(timestamp));
        } catch (MalformedProviderJson e) {
            return new WebhookVerdict.Rejected(Reason.MALFORMED, e.getMessage());
        }
        synchronized (seen) {
            forgetOlderThan(now - windowSeconds);
            if (seen.containsKey(event.eventId())) {
                return new WebhookVerdict.Duplicate(event.eventId());
            }
            seen.put(event.eventId(), timestamp);
            if (seen.size() > dedupCapacity) {
                Iterator<String> eldest = seen.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        return new WebhookVerdict.Accepted(event);
    }

    /** How many accepted ids are remembered now (bounded by the capacity). */
    public int remembered() {
        synchronized (seen) {
            return seen.size();
        }
    }

    private void forgetOlderThan(long oldest) {
        // Insertion order is nearly time order; an out-of-order old id stays until the ones before it go, harmless.
        for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue() >= oldest) {
                break;
            }
            it.remove();
        }
    }

    private WebhookEvent parse(byte[] body, Instant signedAt) throws MalformedProviderJson {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new MalformedProviderJson("body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedProviderJson("body must be a JSON object");
        }
        String id = ProviderJson.text(root, "id");
        String type = ProviderJson.text(root, "type");
        JsonNode payout = root.get("payout");
        if (payout == null || !payout.isObject()) {
            throw new MalformedProviderJson("payout must be an object");
        }
        ProviderStatus status = ProviderJson.status(payout);
        return new WebhookEvent(id, providerId, type, signedAt, ProviderJson.text(payout, "idempotencyKey"),
                ProviderJson.text(payout, "payoutId"), status);
    }

    private byte[] mac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The header a provider would send for {@code body} at {@code timestamp}; for tests and for providers we run. */
    public static String sign(byte[] secret, long timestamp, byte[] body) {
        WebhookVerifier v = new WebhookVerifier("sign", secret, Duration.ofSeconds(1), 1, Instant::now);
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(v.mac(timestamp, body));
    }
}
