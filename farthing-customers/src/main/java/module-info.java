/**
 * Customers, risk-tiered KYC limits and the PII vault. Knows no HTTP: the server's {@code http/customers} adapter
 * wires it. Depends on the contracts module, the ledger's api and the record log, never on another domain.
 */
module dev.farthing.customers {
    requires transitive dev.farthing.contracts;
    requires transitive dev.farthing.ledger;
    requires dev.farthing.recordlog;
    requires com.google.crypto.tink;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.farthing.customers.analytics;
    exports dev.farthing.customers.customer;
    exports dev.farthing.customers.erasure;
    exports dev.farthing.customers.kyc;
    exports dev.farthing.customers.liabilities;
    exports dev.farthing.customers.service;
    exports dev.farthing.customers.vault;
}
