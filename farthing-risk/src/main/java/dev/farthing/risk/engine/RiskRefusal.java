package dev.farthing.risk.engine;

/**
 * A risk command refused for a reason the caller can act on, with a stable snake_case {@code code}:
 * {@code not_found}, {@code unknown_currency}, {@code currency_mismatch}, {@code id_conflict},
 * {@code invalid_state}, {@code resolution_in_progress}, {@code hold_expired}, {@code overloaded},
 * {@code unavailable}. {@link #field()} names the request field at fault when there is one ({@code payee}).
 * Carries no stack trace: refusals are expected.
 */
public final class RiskRefusal extends RuntimeException {
    public static final String NOT_FOUND = "not_found";
    public static final String UNKNOWN_CURRENCY = "unknown_currency";
    public static final String CURRENCY_MISMATCH = "currency_mismatch";
    /** The same payment id with a different body; the ledger's word for it ({@code ErrorCode.ID_CONFLICT}). */
    public static final String IDEMPOTENCY_CONFLICT = "id_conflict";
    public static final String INVALID_STATE = "invalid_state";
    public static final String IN_PROGRESS = "resolution_in_progress";
    public static final String HOLD_EXPIRED = "hold_expired";
    public static final String ALREADY_RESOLVED = "already_resolved";
    public static final String LEDGER_REFUSED = "ledger_refused";
    public static final String OVERLOADED = "overloaded";
    public static final String UNAVAILABLE = "unavailable";

    private final String code;
    private final String field;

    public RiskRefusal(String code, String detail) {
        this(code, detail, null);
    }

    public RiskRefusal(String code, String detail, String field) {
        super(detail, null, false, false);
        this.code = code;
        this.field = field;
    }

    /** The dotted path of the request field at fault, or null. */
    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}
