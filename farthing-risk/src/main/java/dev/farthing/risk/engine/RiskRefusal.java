package dev.farthing.risk.engine;

/**
 * A risk command refused for a reason the caller can act on, with a stable snake_case {@code code}:
 * {@code not_found}, {@code idempotency_conflict}, {@code invalid_state}, {@code resolution_in_progress},
 * {@code hold_expired}, {@code overloaded}, {@code unavailable}. Carries no stack trace: refusals are expected.
 */
public final class RiskRefusal extends RuntimeException {
    public static final String NOT_FOUND = "not_found";
    public static final String IDEMPOTENCY_CONFLICT = "idempotency_conflict";
    public static final String INVALID_STATE = "invalid_state";
    public static final String IN_PROGRESS = "resolution_in_progress";
    public static final String HOLD_EXPIRED = "hold_expired";
    public static final String ALREADY_RESOLVED = "already_resolved";
    public static final String LEDGER_REFUSED = "ledger_refused";
    public static final String OVERLOADED = "overloaded";
    public static final String UNAVAILABLE = "unavailable";

    private final String code;

    public RiskRefusal(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}
