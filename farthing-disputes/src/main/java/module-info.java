/**
 * Farthing disputes. Knows no HTTP: the server wires it. Depends on the contracts module, the ledger's api and the
 * record log, never on another domain: evidence from risk and channels comes through {@code evidence.EvidenceSources},
 * outcomes go back through {@code service.RiskLabels}.
 */
module dev.farthing.disputes {
    requires transitive dev.farthing.contracts;
    requires transitive dev.farthing.ledger;
    requires dev.farthing.recordlog;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.farthing.disputes.calendar;
    exports dev.farthing.disputes.config;
    exports dev.farthing.disputes.evidence;
    exports dev.farthing.disputes.model;
    exports dev.farthing.disputes.resolve;
    exports dev.farthing.disputes.service;

    opens dev.farthing.disputes.model to com.fasterxml.jackson.databind;
    opens dev.farthing.disputes.evidence to com.fasterxml.jackson.databind;
    opens dev.farthing.disputes.service to com.fasterxml.jackson.databind;
}
