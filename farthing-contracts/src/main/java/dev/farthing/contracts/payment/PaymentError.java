package dev.farthing.contracts.payment;

import dev.farthing.contracts.RefusalCategory;
import dev.farthing.contracts.RefusalCode;

/**
 * Stable reasons a payment command (decide, challenge, review) is refused. A decline is not a refusal: it is a
 * {@link Decision}. These are for commands that cannot be carried out at all.
 */
public enum PaymentError implements RefusalCode {
    NOT_FOUND("not_found", RefusalCategory.NOT_FOUND),
    UNKNOWN_CURRENCY("unknown_currency", RefusalCategory.REFUSED),
    CURRENCY_MISMATCH("currency_mismatch", RefusalCategory.REFUSED),
    /** The payment id was used before with a different body. */
    IDEMPOTENCY_CONFLICT("idempotency_conflict", RefusalCategory.CONFLICT),
    /** The command does not apply to the payment as it stands (a review of an approved payment). */
    INVALID_STATE("invalid_state", RefusalCategory.CONFLICT),
    /** Another resolution of the same hold is being carried out. */
    IN_PROGRESS("resolution_in_progress", RefusalCategory.CONFLICT),
    HOLD_EXPIRED("hold_expired", RefusalCategory.CONFLICT),
    ALREADY_RESOLVED("already_resolved", RefusalCategory.CONFLICT),
    /** The ledger refused the legs of a resolution. */
    LEDGER_REFUSED("ledger_refused", RefusalCategory.REFUSED),
    OVERLOADED("overloaded", RefusalCategory.UNAVAILABLE),
    UNAVAILABLE("unavailable", RefusalCategory.UNAVAILABLE);

    private final String code;
    private final RefusalCategory category;

    PaymentError(String code, RefusalCategory category) {
        this.code = code;
        this.category = category;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public RefusalCategory category() {
        return category;
    }
}
