package dev.farthing.settlement.connector.http;

import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.connector.http.WebhookVerdict.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookVerifierTest {
    private static final byte[] SECRET = "0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8);
    private static final long T0 = 1_767_225_600L; // 2026-01-01T00:00:00Z

    private final AtomicLong nowSeconds = new AtomicLong(T0);
    private final WebhookVerifier verifier = new WebhookVerifier("fastpay", SECRET, Duration.ofMinutes(5), 3,
            () -> Instant.ofEpochSecond(nowSeconds.get()));

    private static byte[] paid(String eventId) {
        return ("{\"id\":\"" + eventId + "\",\"type\":\"payout.paid\",\"created\":" + T0 + ",\"payout\":{"
                + "\"idempotencyKey\":\"po-1:fastpay:1\",\"payoutId\":\"po-1\",\"providerReference\":\"fastpay-7\","
                + "\"status\":\"paid\",\"currency\":\"EUR\",\"amountMinor\":12345,\"feeMinor\":40,"
                + "\"valueDate\":\"2026-01-01\",\"reason\":null}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signatureIsHmacSha256OfTimestampDotBody() {
        // Independent reference: python3 hmac.new(secret, b'1767225600.{"id":"e1"}', sha256).hexdigest()
        assertThat(WebhookVerifier.sign(SECRET, T0, "{\"id\":\"e1\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("t=1767225600,v1=5ed11590536f434e7e6d655a21e64594684d37fa1ee755f3487197d16b8738fb");
    }

    @Test
    void acceptsAnAuthenticEventOnceAndParsesIt() {
        byte[] body = paid("evt-1");
        WebhookVerdict first = verifier.verify(WebhookVerifier.sign(SECRET, T0, body), body);
        assertThat(first).isInstanceOf(WebhookVerdict.Accepted.class);
        WebhookEvent e = ((WebhookVerdict.Accepted) first).event();
        assertThat(e.eventId()).isEqualTo("evt-1");
        assertThat(e.providerId()).isEqualTo("fastpay");
        assertThat(e.idempotencyKey()).isEqualTo("po-1:fastpay:1");
        assertThat(e.payoutId()).isEqualTo("po-1");
        assertThat(e.status()).isEqualTo(new ProviderStatus.Paid("fastpay-7", 12345, 40, LocalDate.of(2026, 1, 1)));
        // A redelivery, re-signed later, is authentic but a duplicate.
        nowSeconds.addAndGet(60);
        assertThat(verifier.verify(WebhookVerifier.sign(SECRET, T0 + 60, body), body))
                .isEqualTo(new WebhookVerdict.Duplicate("evt-1"));
    }

    @Test
    void refusesTamperedBodiesWrongSecretsAndMissingHeaders() {
        byte[] body = paid("evt-2");
        String header = WebhookVerifier.sign(SECRET, T0, body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("12345", "99999").getBytes(StandardCharsets.UTF_8);
        assertThat(reason(verifier.verify(header, tampered))).isEqualTo(Reason.BAD_SIGNATURE);
        byte[] otherSecret = "another-secret-of-16+".getBytes(StandardCharsets.UTF_8);
        assertThat(reason(verifier.verify(WebhookVerifier.sign(otherSecret, T0, body), body))).isEqualTo(Reason.BAD_SIGNATURE);
        // Moving the timestamp breaks the signature too: the timestamp is signed.
        assertThat(reason(verifier.verify(header.replace("t=" + T0, "t=" + (T0 + 1)), body))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reason(verifier.verify(null, body))).isEqualTo(Reason.MISSING_SIGNATURE);
        assertThat(reason(verifier.verify("t=" + T0, body))).isEqualTo(Reason.MISSING_SIGNATURE);
        assertThat(reason(verifier.verify("t=x,v1=zz", body))).isEqualTo(Reason.MISSING_SIGNATURE);
        // Nothing refused was remembered: the genuine delivery is still accepted.
        assertThat(verifier.verify(header, body)).isInstanceOf(WebhookVerdict.Accepted.class);
    }

    @Test
    void acceptsAnyOfSeveralSignaturesForSecretRotation() {
        byte[] body = paid("evt-3");
        String good = WebhookVerifier.sign(SECRET, T0, body);
        String header = "t=" + T0 + ",v1=" + "00".repeat(32) + "," + good.substring(good.indexOf("v1="));
        assertThat(verifier.verify(header, body)).isInstanceOf(WebhookVerdict.Accepted.class);
    }

    @Test
    void refusesReplaysOutsideTheWindowBothWays() {
        byte[] body = paid("evt-4");
        assertThat(reason(verifier.verify(WebhookVerifier.sign(SECRET, T0 - 301, body), body)))
                .isEqualTo(Reason.OUTSIDE_REPLAY_WINDOW);
        assertThat(reason(verifier.verify(WebhookVerifier.sign(SECRET, T0 + 301, body), body)))
                .isEqualTo(Reason.OUTSIDE_REPLAY_WINDOW);
        assertThat(verifier.verify(WebhookVerifier.sign(SECRET, T0 - 300, body), body)).isInstanceOf(WebhookVerdict.Accepted.class);
    }

    @Test
    void remembersABoundedNumberOfIdsAndForgetsThoseOutsideTheWindow() {
        for (int i = 0; i < 10; i++) {
            byte[] body = paid("evt-b" + i);
            assertThat(verifier.verify(WebhookVerifier.sign(SECRET, T0, body), body)).isInstanceOf(WebhookVerdict.Accepted.class);
            assertThat(verifier.remembered()).isLessThanOrEqualTo(3);
        }
        // Past the window every id is forgotten, and their replays fail the window check instead.
        nowSeconds.addAndGet(301);
        byte[] fresh = paid("evt-late");
        assertThat(verifier.verify(WebhookVerifier.sign(SECRET, T0 + 301, fresh), fresh)).isInstanceOf(WebhookVerdict.Accepted.class);
        assertThat(verifier.remembered()).isEqualTo(1);
        byte[] old = paid("evt-b9");
        assertThat(reason(verifier.verify(WebhookVerifier.sign(SECRET, T0, old), old))).isEqualTo(Reason.OUTSIDE_REPLAY_WINDOW);
    }

    @Test
    void refusesAuthenticButUnreadableEvents() {
        for (String json : new String[]{"[]", "{\"id\":\"e\",\"type\":\"payout.paid\"}",
                "{\"id\":\"e\",\"type\":\"payout.paid\",\"payout\":{\"idempotencyKey\":\"k\",\"payoutId\":\"p\","
                        + "\"providerReference\":\"r\",\"status\":\"paid\",\"amountMinor\":12.5,\"feeMinor\":0,\"valueDate\":\"2026-01-01\"}}",
                "{\"id\":\"e\",\"type\":\"payout.paid\",\"payout\":{\"idempotencyKey\":\"k\",\"payoutId\":\"p\","
                        + "\"providerReference\":\"r\",\"status\":\"paid\",\"amountMinor\":\"100\",\"feeMinor\":0,\"valueDate\":\"2026-01-01\"}}",
                "{\"id\":\"e\",\"type\":\"payout.x\",\"payout\":{\"idempotencyKey\":\"k\",\"payoutId\":\"p\","
                        + "\"providerReference\":\"r\",\"status\":\"lost\"}}", "not json"}) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            assertThat(reason(verifier.verify(WebhookVerifier.sign(SECRET, T0, body), body))).as(json).isEqualTo(Reason.MALFORMED);
        }
        assertThat(reason(verifier.verify("t=1,v1=00", new byte[WebhookVerifier.MAX_BODY_BYTES + 1]))).isEqualTo(Reason.MALFORMED);
    }

    private static Reason reason(WebhookVerdict v) {
        assertThat(v).isInstanceOf(WebhookVerdict.Rejected.class);
        return ((WebhookVerdict.Rejected) v).reason();
    }
}
