package dev.farthing.contracts;

import java.util.Objects;

/**
 * A command refused for a reason the caller can act on: the reason ({@link RefusalCode}), a human detail, and
 * the dotted path of the request field at fault when there is one ({@code fee.account}). Domains throw it (or a
 * subclass) and a transport renders it from {@link #category()} alone. Carries no stack trace: refusals are
 * expected, not bugs.
 */
public class Refusal extends RuntimeException {
    private final RefusalCode reason;
    private final String field;

    public Refusal(RefusalCode reason, String detail) {
        this(reason, detail, null);
    }

    public Refusal(RefusalCode reason, String detail, String field) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = field;
    }

    public RefusalCode reason() {
        return reason;
    }

    /** The stable snake_case code, {@code reason().code()}. */
    public String code() {
        return reason.code();
    }

    public RefusalCategory category() {
        return reason.category();
    }

    public String detail() {
        return getMessage();
    }

    /** The dotted path of the request field at fault, or null. */
    public String field() {
        return field;
    }
}
