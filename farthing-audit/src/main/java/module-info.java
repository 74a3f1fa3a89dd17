/**
 * Farthing audit: the hash-chained audit trail on the record log. Knows no HTTP: the server wires it. Depends
 * on the contracts module, the ledger's api and the record log, never on another domain.
 */
module dev.farthing.audit {
    requires transitive dev.farthing.contracts;
    requires transitive dev.farthing.ledger;
    requires transitive dev.farthing.recordlog;
    requires org.slf4j;

    exports dev.farthing.audit;
}
