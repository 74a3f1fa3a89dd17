/**
 * The HTTP server: wiring ({@code dev.farthing.server}) and API keys are public; the HTTP core and the domain
 * adapters ({@code http}, {@code http.ledger}, {@code http.risk}, {@code http.channels}) are internal.
 */
module dev.farthing.server {
    requires dev.farthing.recordlog;
    requires dev.farthing.customers;
    requires dev.farthing.compliance;
    requires dev.farthing.audit;
    requires dev.farthing.disputes;
    requires dev.farthing.settlement;
    requires transitive dev.farthing.ledger;
    requires dev.farthing.contracts;
    requires dev.farthing.risk;
    requires dev.farthing.channels;
    requires io.javalin;
    requires com.webauthn4j.core;
    requires java.net.http; // step-up codes go to the platform's webhook
    requires org.eclipse.jetty.server;
    requires jetty.servlet.api;
    requires com.fasterxml.jackson.databind;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires org.slf4j;

    exports dev.farthing.server;
    exports dev.farthing.server.keys;
    // PseudonymiseBench and PseudonymisedDetectionTest measure the payment boundary's tokenising in place.
    exports dev.farthing.server.http to dev.farthing.bench, dev.farthing.cli;
    exports dev.farthing.server.http.risk to dev.farthing.bench, dev.farthing.cli;
    // `farthing retention run` opens the customers domain the way the server wires it.
    exports dev.farthing.server.http.customers to dev.farthing.cli;
}
