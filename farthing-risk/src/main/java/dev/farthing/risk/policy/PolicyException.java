package dev.farthing.risk.policy;

import java.util.List;

/** A policy source that does not compile; {@link #errors()} lists every problem found, with positions. */
public final class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<PolicyError> errors;

    public PolicyException(List<PolicyError> errors) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a PolicyException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Stable error code for APIs and the CLI. */
    public String code() {
        return "invalid_policy";
    }

    public List<PolicyError> errors() {
        return errors;
    }

    private static String summary(List<PolicyError> errors) {
        StringBuilder out = new StringBuilder("invalid policy: ");
        for (int i = 0; i < errors.size(); i++) {
            out.append(i == 0 ? "" : "; ").append(errors.get(i));
        }
        return out.toString();
    }
}
