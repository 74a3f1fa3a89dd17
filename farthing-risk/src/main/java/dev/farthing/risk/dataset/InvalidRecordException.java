package dev.farthing.risk.dataset;

/**
 * A dataset record whose payment breaks the format. {@link #field()} is the dotted path of the offending field
 * ({@code context.telemetry.pointer_straightness}, {@code context.geo.lat}); the message starts with it.
 */
public final class InvalidRecordException extends RuntimeException {
    private final String field;

    public InvalidRecordException(String field, String message) {
        super(field.isEmpty() ? message : field + " " + message);
        this.field = field;
    }

    /** The offending field's dotted path; empty when the problem is the payment as a whole. */
    public String field() {
        return field;
    }
}
