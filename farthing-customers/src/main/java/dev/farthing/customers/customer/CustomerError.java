package dev.farthing.customers.customer;

/**
 * Stable reasons a customer command is refused. {@link #code()} is the wire form clients branch on; the
 * {@link Category} tells a transport how to classify it (the server maps it to an HTTP status).
 */
public enum CustomerError {
    INVALID_REQUEST("invalid_request", Category.INVALID),
    CUSTOMER_NOT_FOUND("customer_not_found", Category.NOT_FOUND),
    CUSTOMER_EXISTS("customer_exists", Category.CONFLICT),
    ACCOUNT_NOT_FOUND("account_not_found", Category.INVALID),
    ACCOUNT_TAKEN("account_already_linked", Category.CONFLICT),
    INVALID_TIER("invalid_tier", Category.INVALID),
    /** A payment over a KYC limit: the reply names the limit and the tier that lifts it. */
    KYC_LIMIT("kyc_limit", Category.REFUSED),
    CUSTOMER_FROZEN("customer_frozen", Category.REFUSED),
    PERSONAL_DATA_ERASED("personal_data_erased", Category.GONE),
    UNKNOWN_ZONE("unknown_zone", Category.INVALID),
    OVERLOADED("overloaded", Category.UNAVAILABLE),
    UNAVAILABLE("unavailable", Category.UNAVAILABLE);

    /** How a transport should classify a refusal. */
    public enum Category { INVALID, NOT_FOUND, CONFLICT, REFUSED, GONE, UNAVAILABLE }

    private final String code;
    private final Category category;

    CustomerError(String code, Category category) {
        this.code = code;
        this.category = category;
    }

    public String code() {
        return code;
    }

    public Category category() {
        return category;
    }
}
