package dev.farthing.settlement;

import dev.farthing.contracts.RefusalCategory;
import dev.farthing.contracts.RefusalCode;

/**
 * Stable reasons a settlement command is refused. {@link #code()} is the wire form clients branch on; the
 * category tells a transport how to answer (the server maps it to an HTTP status).
 */
public enum SettlementError implements RefusalCode {
    INVALID_PAYOUT("invalid_payout", RefusalCategory.INVALID),
    INVALID_STATEMENT("invalid_statement", RefusalCategory.INVALID),
    PAYEE_NOT_FOUND("payee_not_found", RefusalCategory.NOT_FOUND),
    BATCH_NOT_FOUND("batch_not_found", RefusalCategory.NOT_FOUND),
    PAYOUT_CONFLICT("payout_conflict", RefusalCategory.CONFLICT),
    STATEMENT_CONFLICT("statement_conflict", RefusalCategory.CONFLICT),
    BELOW_PAYOUT_MINIMUM("below_payout_minimum", RefusalCategory.REFUSED),
    FX_RATE_MISSING("fx_rate_missing", RefusalCategory.REFUSED),
    SETTLEMENT_UNAVAILABLE("settlement_unavailable", RefusalCategory.UNAVAILABLE);

    private final String code;
    private final RefusalCategory category;

    SettlementError(String code, RefusalCategory category) {
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
