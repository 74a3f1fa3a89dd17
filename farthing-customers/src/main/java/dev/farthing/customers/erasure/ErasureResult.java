package dev.farthing.customers.erasure;

import dev.farthing.customers.customer.Customer;

/** The answer to an erasure request: the customer after it, and the signed certificate saying what was done. */
public record ErasureResult(Customer customer, ErasureCertificate certificate) {
}
