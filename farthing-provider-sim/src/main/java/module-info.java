/**
 * The payout provider simulator: its own process, started by tests on loopback. Independent of every Farthing
 * module on purpose: the connectors are tested against a separate implementation of the wire format.
 */
module dev.farthing.providersim {
    requires jdk.httpserver;
    requires java.net.http;
    requires java.xml;
    requires com.fasterxml.jackson.databind;

    exports dev.farthing.simulator.provider;
}
