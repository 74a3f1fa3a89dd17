/**
 * Sanctions screening, transaction monitoring over the ledger's event tail, AML cases and regulatory reports. Knows no HTTP: the server's {@code http/screening}
 * adapter wires it. Durable state lives on the record log.
 */
module dev.farthing.compliance {
    requires transitive dev.farthing.contracts;
    requires transitive dev.farthing.ledger;
    requires dev.farthing.recordlog;
    requires org.slf4j;
    requires com.ibm.icu;
    requires org.apache.commons.codec;
    requires com.fasterxml.jackson.databind;
    requires java.xml;
    // ScreeningLatencyTest reads thread CPU time; tests compile against this descriptor, never needed at run time.
    requires static java.management;

    exports dev.farthing.compliance.cases;
    exports dev.farthing.compliance.monitoring;
    exports dev.farthing.compliance.reports;
    exports dev.farthing.compliance.screening;
}
