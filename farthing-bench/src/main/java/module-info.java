/**
 * Load generators, JMH kernels and the PostgreSQL baseline. The kernels read four ledger internals, exported to
 * this module alone. TreeEvaluatorBench compares with XGBoost4J, which has no derivable module name and stays on
 * the class path, so the compiler lets this module read the unnamed module (see this module's pom). JMH runs the
 * benchmarks from the class path (target/bench.classpath).
 */
module dev.farthing.bench {
    requires dev.farthing.recordlog;
    requires dev.farthing.customers;
    requires dev.farthing.ledger;
    requires dev.farthing.server;
    requires dev.farthing.risk;
    requires dev.farthing.client;
    requires dev.farthing.channels;
    requires dev.farthing.model;
    requires com.fasterxml.jackson.databind;
    requires HdrHistogram;
    requires jmh.core;
    requires java.net.http;
    requires java.sql;
    requires java.management;

    exports dev.farthing.bench;
    exports dev.farthing.bench.rate;
}
