package dev.farthing.risk.policy;

/** A policy store operation that cannot be done; {@link #code()} is a stable snake_case error code. */
public final class PolicyStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public PolicyStoreException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** unknown_policy_version, policy_store_full or policy_store_corrupt. */
    public String code() {
        return code;
    }
}
