package dev.farthing.disputes.model;

/** A refused dispute request, with its stable code and a detail that says what to change. */
public final class DisputeException extends RuntimeException {
    private final DisputeError error;

    public DisputeException(DisputeError error, String detail) {
        super(detail, null, false, false);
        this.error = error;
    }

    public DisputeError error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }
}
