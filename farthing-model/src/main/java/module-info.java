/**
 * Models without a ledger: tree evaluator and trainer, isolation forest, calibration, guards, metrics, registry.
 * XGBoost4J (training only) has no module name a JVM can derive (its jar is {@code xgboost4j_2.12}: "2" cannot
 * start a name), so it stays on the class path and this module reads the unnamed module: the compiler is told so
 * in this module's pom, the test JVMs in the parent pom's surefire argLine ({@code --add-reads
 * dev.farthing.model=ALL-UNNAMED}). The launcher runs everything on the class path.
 */
module dev.farthing.model {
    requires dev.farthing.recordlog;
    requires transitive com.fasterxml.jackson.databind;

    exports dev.farthing.model;
    exports dev.farthing.model.calibration;
    exports dev.farthing.model.data;
    exports dev.farthing.model.gbt;
    exports dev.farthing.model.guard;
    exports dev.farthing.model.iforest;
    exports dev.farthing.model.logistic;
    exports dev.farthing.model.metrics;
    exports dev.farthing.model.registry;
}
