package dev.farthing.customers.customer;

import java.util.Objects;

/** A refused customer command: a stable {@link CustomerError}, a sentence for people, the request field at fault. */
public class CustomerException extends RuntimeException {
    private final CustomerError error;
    private final String field;

    public CustomerException(CustomerError error, String detail) {
        this(error, detail, null);
    }

    public CustomerException(CustomerError error, String detail, String field) {
        super(detail, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.field = field;
    }

    public CustomerError error() {
        return error;
    }

    /** The request field at fault ({@code country}, {@code account_ids[2]}), or null. */
    public String field() {
        return field;
    }

    public String detail() {
        return getMessage();
    }
}
