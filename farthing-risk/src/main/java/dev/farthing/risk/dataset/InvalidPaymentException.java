package dev.farthing.risk.dataset;

/**
 * A payment body that breaks the contract of {@code POST /v1/payments}. {@link #field()} is the dotted path of
 * the offending field ({@code context.telemetry.pointer_straightness}, {@code context.geo.lat}); the message
 * starts with it, so it can go to a client as is.
 */
public final class InvalidPaymentException extends RuntimeException {
    private final String field;

    public InvalidPaymentException(String field, String message) {
        super(field.isEmpty() ? message : field + " " + message);
        this.field = field;
    }

    /** The offending field's dotted path; empty when the problem is the body as a whole. */
    public String field() {
        return field;
    }
}
