package dev.farthing.server.http.customers;

import dev.farthing.customers.customer.CustomerException;
import dev.farthing.server.http.PaymentGate;

/** Customer refusals as problems: one category to status mapping, the field at fault as an extension member. */
final class CustomerProblems {
    private CustomerProblems() {
    }

    static int statusOf(CustomerException e) {
        return switch (e.error().category()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case REFUSED -> 422;
            case GONE -> 410;
            case UNAVAILABLE -> 503;
        };
    }

    static PaymentGate.Refusal refusal(CustomerException e) {
        return new PaymentGate.Refusal(statusOf(e), e.error().code(), e.detail(), g -> {
            if (e.field() != null) {
                g.writeStringField("field", e.field());
            }
        });
    }
}
