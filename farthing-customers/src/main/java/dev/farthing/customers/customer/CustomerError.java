package dev.farthing.customers.customer;

import dev.farthing.contracts.RefusalCategory;
import dev.farthing.contracts.RefusalCode;

/**
 * Stable reasons a customer command is refused. {@link #code()} is the wire form clients branch on; the
 * {@link RefusalCategory} tells a transport how to classify it (the server maps it to an HTTP status).
 */
public enum CustomerError implements RefusalCode {
    INVALID_REQUEST("invalid_request", RefusalCategory.INVALID),
    CUSTOMER_NOT_FOUND("customer_not_found", RefusalCategory.NOT_FOUND),
    CUSTOMER_EXISTS("customer_exists", RefusalCategory.CONFLICT),
    ACCOUNT_NOT_FOUND("account_not_found", RefusalCategory.INVALID),
    ACCOUNT_TAKEN("account_already_linked", RefusalCategory.CONFLICT),
    INVALID_TIER("invalid_tier", RefusalCategory.INVALID),
    /** A payment over a KYC limit: the reply names the limit and the tier that lifts it. */
    KYC_LIMIT("kyc_limit", RefusalCategory.REFUSED),
    CUSTOMER_FROZEN("customer_frozen", RefusalCategory.REFUSED),
    UNKNOWN_ZONE("unknown_zone", RefusalCategory.INVALID),
    OVERLOADED("overloaded", RefusalCategory.UNAVAILABLE),
    UNAVAILABLE("unavailable", RefusalCategory.UNAVAILABLE);

    private final String code;
    private final RefusalCategory category;

    CustomerError(String code, RefusalCategory category) {
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
