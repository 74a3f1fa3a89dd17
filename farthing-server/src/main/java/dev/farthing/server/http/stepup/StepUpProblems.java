package dev.farthing.server.http.stepup;

/** The refusals of a step-up (all on {@code POST /v1/payments/{id}/challenge} unless said). */
public final class StepUpProblems {
    /** {@code {"passed": true}} or a body without a proof: money is released only by a verifiable proof (403). */
    public static final String PROOF_REQUIRED = "stepup_proof_required";
    /** The proof does not verify: another nonce, a bad signature, an unknown credential, a counter that did not
     * grow, a wrong code (403). The challenge is used up; a lookup issues a new one. */
    public static final String PROOF_INVALID = "stepup_proof_invalid";
    /** The challenge's nonce or code expired before the proof came (403); a lookup issues a new one. */
    public static final String EXPIRED = "stepup_expired";
    /** No open challenge: its nonce was already used (a replay), or the payment was never challenged (409). */
    public static final String NO_OPEN_CHALLENGE = "stepup_no_open_challenge";

    /** A registration's attestation does not verify: another challenge or account, a wrong origin or RP id, no user
     * presence, a key that is not ES256, an unsupported attestation format, a bad attestation signature (403, on
     * {@code POST /v1/accounts/{id}/webauthn-credentials}). The registration challenge is used up. */
    public static final String REGISTRATION_INVALID = "webauthn_registration_invalid";
    /** The registration challenge expired before the attestation came (403); ask for new options. */
    public static final String REGISTRATION_EXPIRED = "webauthn_registration_expired";
    /** The attestation answers no open registration challenge: used already, never issued, or forgotten at a
     * restart (409); ask for new options. */
    public static final String NO_OPEN_REGISTRATION = "webauthn_no_open_registration";

    private StepUpProblems() {
    }
}
