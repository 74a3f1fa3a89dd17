/**
 * Fraud decisions on payments of the contracts module: features, policies, the decision loop, reviews and the
 * dataset format. The journal and the graph are internal.
 * <p>
 * CEL (dev.cel) ships as several jars that split packages between them ({@code dev.cel.common} is in both
 * {@code cel} and {@code common}, {@code dev.cel.runtime} in both {@code cel} and {@code runtime}), so they cannot
 * be modules; they stay on the class path with protobuf, and this module reads the unnamed module: the compiler
 * is told so in this module's pom, the test JVMs in the parent pom's surefire argLine
 * ({@code --add-reads dev.farthing.risk=ALL-UNNAMED}). The launcher runs everything on the class path.
 */
module dev.farthing.risk {
    requires dev.farthing.recordlog;
    requires transitive dev.farthing.ledger;
    requires transitive dev.farthing.contracts;
    requires transitive dev.farthing.model;
    requires transitive com.fasterxml.jackson.databind;
    requires rocksdbjni;
    requires datasketches.java;

    exports dev.farthing.risk.dataset;
    exports dev.farthing.risk.decide;
    exports dev.farthing.risk.engine;
    exports dev.farthing.risk.features;
    exports dev.farthing.risk.policy;
    exports dev.farthing.risk.review;
}
