package dev.farthing.server.http.stepup;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.risk.engine.PaymentResult;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.LedgerCalls;
import dev.farthing.server.http.Times;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Step-up that proves itself. A challenged payment carries a Farthing-issued nonce (in the payment's reply and
 * on lookup, as {@code challenge}); its hold is released to the payee only by a proof over that nonce: a WebAuthn
 * assertion signed by a credential registered for the payer, or the one-time code Farthing sent to the
 * platform's webhook. Each challenge is used once (a failed proof uses it up too; a lookup then issues a new
 * one) and expires. Times are ledger time.
 */
public final class StepUp implements AutoCloseable {
    private final Ledger ledger;
    private final StepUpConfig config;
    private final Challenges challenges = new Challenges();
    private final Credentials credentials;
    private final AssertionVerifier verifier;
    private final CodeWebhook webhook;
    private final WebAuthnRegistration registration;

    private StepUp(Ledger ledger, StepUpConfig config, Credentials credentials) {
        this.ledger = ledger;
        this.config = config;
        this.credentials = credentials;
        this.verifier = new AssertionVerifier(config);
        this.registration = new WebAuthnRegistration(config, credentials);
        this.webhook = config.webhookUrl() == null ? null : new CodeWebhook(config.webhookUrl(), config.webhookSecret());
    }

    /** Opens the step-up state in {@code dir} ({@code DATA/stepup}: config.json, credentials/). */
    public static StepUp open(Path dir, Ledger ledger) {
        StepUpConfig config = StepUpConfig.read(dir);
        return new StepUp(ledger, config, new Credentials(dir.resolve("credentials")));
    }

    Credentials credentials() {
        return credentials;
    }

    WebAuthnRegistration registration() {
        return registration;
    }

    StepUpConfig config() {
        return config;
    }

    /** True when the payment waits for a step-up: challenged and still held. */
    public static boolean awaitsStepUp(PaymentResult r) {
        return r.decision() == Decision.CHALLENGED && r.status() == PaymentStatus.HELD;
    }

    /**
     * Writes the {@code challenge} member for a payment that awaits a step-up (nothing otherwise), issuing a
     * challenge when none is open (and sending its code when a webhook is configured). {@code payer} may be null:
     * it is then read from the payment's main transfer.
     */
    public void writeChallenge(JsonGenerator g, PaymentResult r, String payer) throws IOException {
        if (!awaitsStepUp(r)) {
            return;
        }
        long now = ledger.now();
        Challenges.Open existing = challenges.peek(r.id());
        String who = existing != null ? existing.payer() : payer != null ? payer : payerOf(r);
        Challenges.Issued issued = challenges.issue(r.id(), who, now, config.nonceTtlNanos(), webhook != null,
                config.codeTtlNanos());
        Challenges.Open c = issued.challenge();
        if (issued.code() != null) {
            sendCode(c, issued.code(), now);
        }
        g.writeObjectFieldStart("challenge");
        g.writeStringField("nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(c.nonce()));
        g.writeStringField("expires_at", Times.format(c.expiresAt()));
        g.writeArrayFieldStart("methods");
        if (!credentials.of(c.payer()).isEmpty()) {
            g.writeString("webauthn");
        }
        if (c.codeHash() != null) {
            g.writeString("code");
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * Checks the proof for the payment's open challenge and uses the challenge up; returns when it passes,
     * throws the refusal otherwise. {@code passed: false} (no proof) only uses the challenge up.
     */
    public void prove(PaymentResult r, ChallengeBody body) {
        if (!body.hasProof()) {
            if (Boolean.TRUE.equals(body.passed())) {
                throw new ApiException(403, StepUpProblems.PROOF_REQUIRED, "a step-up passes only with a proof over"
                        + " the payment's challenge nonce: a webauthn assertion or the one-time code; see the payment's challenge");
            }
            challenges.take(r.id());
            return;
        }
        Challenges.Open c = challenges.take(r.id());
        if (c == null) {
            throw new ApiException(409, StepUpProblems.NO_OPEN_CHALLENGE, "payment " + r.id() + " has no open step-up"
                    + " challenge (used already, or never issued); GET /v1/payments/" + r.id() + " issues one while it is held");
        }
        long now = ledger.now();
        if (body.webauthn() != null) {
            proveAssertion(c, body.webauthn(), now);
        } else {
            proveCode(c, body.code(), now);
        }
    }

    private void proveAssertion(Challenges.Open c, AssertionVerifier.Assertion a, long now) {
        if (now >= c.expiresAt()) {
            throw new ApiException(403, StepUpProblems.EXPIRED, "the challenge nonce expired at " + Times.format(c.expiresAt()));
        }
        Credentials.Credential credential = credentials.find(c.payer(), a.credentialId());
        if (credential == null) {
            throw new ApiException(403, StepUpProblems.PROOF_INVALID, "the credential is not registered for payer " + c.payer());
        }
        long counter;
        try {
            counter = verifier.verify(a, c.nonce(), credential);
        } catch (IllegalArgumentException e) {
            throw new ApiException(403, StepUpProblems.PROOF_INVALID, "the webauthn assertion does not verify: " + e.getMessage());
        }
        credentials.counter(credential, counter);
    }

    private void proveCode(Challenges.Open c, String code, long now) {
        if (c.codeHash() == null) {
            throw new ApiException(403, StepUpProblems.PROOF_INVALID, "no code was issued for this challenge");
        }
        if (now >= c.codeExpiresAt()) {
            throw new ApiException(403, StepUpProblems.EXPIRED, "the code expired at " + Times.format(c.codeExpiresAt()));
        }
        if (!MessageDigest.isEqual(c.codeHash(), Challenges.sha256(code))) {
            throw new ApiException(403, StepUpProblems.PROOF_INVALID, "the code is not the one issued for this challenge");
        }
    }

    private void sendCode(Challenges.Open c, String code, long now) {
        byte[] body = Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", "payment.step_up_code");
            g.writeStringField("payment_id", c.paymentId());
            g.writeStringField("payer", c.payer());
            g.writeStringField("code", code);
            g.writeStringField("nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(c.nonce()));
            g.writeStringField("expires_at", Times.format(c.codeExpiresAt()));
            g.writeEndObject();
        });
        webhook.send(body, Math.floorDiv(now, 1_000_000_000L));
    }

    private String payerOf(PaymentResult r) {
        if (r.transferIds().isEmpty()) {
            throw new IllegalStateException("held payment " + r.id() + " names no transfer");
        }
        TransferView main = LedgerCalls.awaitValue(() -> ledger.lookupTransfer(r.transferIds().getFirst()));
        return main.debitAccount();
    }

    @Override
    public void close() {
        try {
            if (webhook != null) {
                webhook.close();
            }
        } finally {
            credentials.close();
        }
    }
}
