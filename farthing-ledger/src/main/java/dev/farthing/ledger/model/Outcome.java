package dev.farthing.ledger.model;

import java.util.Objects;

/**
 * The result of one ledger command: either a value or a refusal. {@code replayed} is true when an
 * idempotent repeat returned the original result instead of applying anything.
 */
public record Outcome<T>(T value, ErrorCode error, String detail, boolean replayed) {

    public Outcome {
        if ((value == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of value and error must be set");
        }
    }

    public static <T> Outcome<T> ok(T value) {
        return new Outcome<>(Objects.requireNonNull(value), null, null, false);
    }

    public static <T> Outcome<T> replay(T value) {
        return new Outcome<>(Objects.requireNonNull(value), null, null, true);
    }

    public static <T> Outcome<T> fail(ErrorCode error, String detail) {
        return new Outcome<>(null, Objects.requireNonNull(error), detail, false);
    }

    public static <T> Outcome<T> fail(LedgerException e) {
        return fail(e.code(), e.detail());
    }

    public boolean isOk() {
        return error == null;
    }

    /** The value, or the refusal thrown as a {@link LedgerException}. */
    public T orThrow() {
        if (error != null) {
            throw new LedgerException(error, detail);
        }
        return value;
    }
}
