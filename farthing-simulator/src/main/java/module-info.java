/** Labelled traffic with attack campaigns, and the detection evaluation run on it. */
module dev.farthing.simulator {
    requires transitive dev.farthing.risk;
    requires transitive dev.farthing.model;
    requires dev.farthing.disputes;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    // PaymentDriverTest stands up a fake server with the JDK's httpserver; the compiler lets patched-in tests
    // read a module only through the main descriptor, so it is optional here and never needed at run time.
    requires static jdk.httpserver;

    exports dev.farthing.simulator;
    exports dev.farthing.simulator.drive;
    exports dev.farthing.simulator.eval;
    exports dev.farthing.simulator.disputes;
}
