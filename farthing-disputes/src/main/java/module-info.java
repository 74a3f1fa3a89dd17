/**
 * Farthing disputes. Knows no HTTP: the server wires it. Depends on the contracts module, the ledger's api and the
 * record log, never on another domain.
 */
module dev.farthing.disputes {
    requires transitive dev.farthing.contracts;
    requires transitive dev.farthing.ledger;
    requires dev.farthing.recordlog;
    requires org.slf4j;
}
