package dev.farthing.customers.service;

import dev.farthing.customers.customer.CustomerError;
import dev.farthing.customers.kyc.LimitBreach;

/**
 * The KYC gate's answer to a payment about to be decided. Admitted: go on; {@code reserved} says this call
 * counted the amount against the customer's limits (so the caller must {@link CustomerService#release} it if
 * the payment then moves nothing). Refused: {@code refusal} is {@code kyc_limit} (with the {@code breach}) or
 * {@code customer_frozen}; nothing may move.
 */
public record Admission(boolean admitted, boolean reserved, String customerId, CustomerError refusal,
                        LimitBreach breach) {

    static final Admission UNLINKED = new Admission(true, false, null, null, null);

    static Admission reserved(String customerId) {
        return new Admission(true, true, customerId, null, null);
    }

    static Admission alreadyReserved(String customerId) {
        return new Admission(true, false, customerId, null, null);
    }

    static Admission overLimit(String customerId, LimitBreach breach) {
        return new Admission(false, false, customerId, CustomerError.KYC_LIMIT, breach);
    }

    static Admission frozen(String customerId) {
        return new Admission(false, false, customerId, CustomerError.CUSTOMER_FROZEN, null);
    }
}
