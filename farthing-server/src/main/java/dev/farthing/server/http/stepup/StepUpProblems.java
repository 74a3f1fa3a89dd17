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

    private StepUpProblems() {
    }
}
