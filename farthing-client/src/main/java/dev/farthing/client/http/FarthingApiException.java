package dev.farthing.client.http;

/**
 * A refusal from the Farthing server: the problem+json body's stable {@link #code()} (e.g.
 * {@code claim_exceeds_deposit}), the HTTP status and the human detail.
 */
public final class FarthingApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String detail;

    public FarthingApiException(int status, String code, String detail) {
        super(status + " " + code + ": " + detail);
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
