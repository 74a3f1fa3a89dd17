package dev.farthing.server.http;

/** A field of a tree body that breaks the rules; {@link #field()} is its dotted path, the message starts with it. */
public final class InvalidField extends RuntimeException {
    private final String field;

    InvalidField(String field, String problem) {
        super(field.isEmpty() ? problem : field + " " + problem, null, false, false);
        this.field = field;
    }

    /** The offending field's dotted path; empty when the problem is the body as a whole. */
    public String field() {
        return field;
    }
}
