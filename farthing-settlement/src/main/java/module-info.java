/**
 * Payouts and settlement. Knows no HTTP: the server's {@code http/settlement} adapter wires it. Depends on the
 * contracts module, the ledger's api and the record log, never on another domain.
 */
module dev.farthing.settlement {
    requires transitive dev.farthing.contracts;
    requires transitive dev.farthing.ledger;
    requires dev.farthing.recordlog;
    requires org.slf4j;
    // connector.http (a client to a provider's REST API) and connector.iso20022 (pain/camt files)
    requires java.net.http;
    requires java.xml;
    requires com.fasterxml.jackson.databind;

    exports dev.farthing.settlement;
    exports dev.farthing.settlement.money;
    exports dev.farthing.settlement.payout;
    exports dev.farthing.settlement.recon;
    exports dev.farthing.settlement.routing;
    exports dev.farthing.settlement.service;
    exports dev.farthing.settlement.connector;
    exports dev.farthing.settlement.connector.http;
    exports dev.farthing.settlement.connector.iso20022;

    // the record log's events are JSON records (store.EventCodec)
    opens dev.farthing.settlement.store to com.fasterxml.jackson.databind;
    opens dev.farthing.settlement.payout to com.fasterxml.jackson.databind;
}
