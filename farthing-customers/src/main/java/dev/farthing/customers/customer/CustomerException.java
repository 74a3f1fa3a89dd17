package dev.farthing.customers.customer;

import dev.farthing.contracts.Refusal;

/** A refused customer command: a stable {@link CustomerError}, a sentence for people, the request field at fault. */
public class CustomerException extends Refusal {

    public CustomerException(CustomerError error, String detail) {
        this(error, detail, null);
    }

    public CustomerException(CustomerError error, String detail, String field) {
        super(error, detail, field);
    }

    public CustomerError error() {
        return (CustomerError) reason();
    }
}
