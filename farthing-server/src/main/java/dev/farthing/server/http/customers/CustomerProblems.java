package dev.farthing.server.http.customers;

import dev.farthing.customers.customer.CustomerException;
import dev.farthing.server.http.PaymentGate;
import dev.farthing.server.http.Problems;

/** Customer refusals as problems: one category to status mapping, the field at fault as an extension member. */
final class CustomerProblems {
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
