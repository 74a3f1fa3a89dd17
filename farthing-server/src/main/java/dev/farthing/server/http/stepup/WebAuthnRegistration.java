package dev.farthing.server.http.stepup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Times;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The WebAuthn registration ceremony. {@link #options} issues a challenge bound to the account (kept bounded, with
 * an expiry) and the creation options for {@code navigator.credentials.create}; {@link #register} takes the
 * challenge the client data names (used once), checks it was issued for this account and has not expired, and
 * verifies the attestation ({@link AttestationVerifier}) before the credential is stored with its counter.
 */
final class WebAuthnRegistration {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StepUpConfig config;
    private final Credentials credentials;
    private final RegistrationChallenges challenges = new RegistrationChallenges();
    private final AttestationVerifier verifier;

    WebAuthnRegistration(StepUpConfig config, Credentials credentials) {
        this.config = config;
        this.credentials = credentials;
        this.verifier = new AttestationVerifier(config);
    }

    /** What a client posts back: base64url-decoded {@code rawId}, {@code clientDataJSON}, {@code attestationObject}. */
    record Attestation(byte[] credentialId, byte[] clientDataJson, byte[] attestationObject) {
    }

    /** What {@link #options} issued, and the credentials the authenticator should not register again. */
    record Options(RegistrationChallenges.Open challenge, byte[] userHandle, List<byte[]> exclude, String attestation) {
    }

    Options options(String account, long now, String attestation) {
        RegistrationChallenges.Open c = challenges.issue(account, now, config.registrationTtlNanos());
        List<byte[]> exclude = credentials.of(account).stream().map(cr -> cr.id).toList();
        return new Options(c, userHandle(account), exclude, attestation);
    }

    /** Verifies the attestation and stores the credential; throws the refusal otherwise. */
    AttestationVerifier.Registered register(String account, Attestation a, long now) {
        byte[] challenge = challengeOf(a.clientDataJson());
        RegistrationChallenges.Open open = challenges.take(challenge);
        if (open == null) {
            throw new ApiException(409, StepUpProblems.NO_OPEN_REGISTRATION, "the attestation answers no open"
                    + " registration challenge (used already, never issued, or forgotten at a restart); POST /v1/accounts/"
                    + account + "/webauthn-credentials/options for a new one");
        }
        if (!open.account().equals(account)) {
            throw new ApiException(403, StepUpProblems.REGISTRATION_INVALID, "the registration challenge was issued"
                    + " for another account");
        }
        if (now >= open.expiresAt()) {
            throw new ApiException(403, StepUpProblems.REGISTRATION_EXPIRED, "the registration challenge expired at "
                    + Times.format(open.expiresAt()));
        }
        try {
            return verifier.verify(a.credentialId(), a.clientDataJson(), a.attestationObject(), open.challenge());
        } catch (IllegalArgumentException e) {
            throw new ApiException(403, StepUpProblems.REGISTRATION_INVALID, "the attestation does not verify: " + e.getMessage());
        }
    }

    int openChallenges() {
        return challenges.size();
    }

    /** The challenge the client data names; refused when the client data is not JSON with a base64url challenge. */
    private static byte[] challengeOf(byte[] clientDataJson) {
        try {
            JsonNode c = JSON.readTree(new String(clientDataJson, StandardCharsets.UTF_8));
            if (c != null && c.path("challenge").isTextual()) {
                return Base64.getUrlDecoder().decode(c.path("challenge").asText());
            }
        } catch (IOException | IllegalArgumentException e) {
            // refused below
        }
        throw new ApiException(403, StepUpProblems.REGISTRATION_INVALID,
                "client_data_json is not WebAuthn client data with a base64url challenge");
    }

    /** A stable user handle that is not the account id itself: 16 bytes of SHA-256 over it. */
    static byte[] userHandle(String account) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256")
                    .digest(("farthing-webauthn-user:" + account).getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
