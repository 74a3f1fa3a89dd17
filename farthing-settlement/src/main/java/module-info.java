/**
 * Payouts and settlement. Knows no HTTP: the server's {@code http/settlement} adapter wires it. Depends on the
 * contracts module, the ledger's api and the record log, never on another domain.
 */
module dev.farthing.settlement {
    requires transitive dev.farthing.contracts;
    requires transitive dev.farthing.ledger;
    requires dev.farthing.recordlog;
    requires org.slf4j;

    exports dev.farthing.settlement.connector;
}
