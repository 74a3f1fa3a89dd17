package dev.farthing.server.http.customers;

import dev.farthing.customers.customer.CustomerException;
import dev.farthing.server.http.PaymentGate;
import dev.farthing.server.http.Problems;

/** Customer refusals as problems: one category to status mapping, the field at fault as an extension member. */
final class CustomerProblems {
    /** A customer with a confirmed sanctions hit moves no money (its accounts are frozen too). */
    public static final String SANCTIONS_HIT = "sanctions_hit";
    /** A screening verdict named an entity the customer has no open hit on. */
    public static final String SCREENING_HIT_NOT_FOUND = "screening_hit_not_found";

    private CustomerProblems() {
    }

    static int statusOf(CustomerException e) {
        return Problems.statusOf(e.category());
    }

    static PaymentGate.Refusal refusal(CustomerException e) {
        return new PaymentGate.Refusal(statusOf(e), e.error().code(), e.detail(), g -> {
            if (e.field() != null) {
                g.writeStringField("field", e.field());
            }
        });
    }
}
