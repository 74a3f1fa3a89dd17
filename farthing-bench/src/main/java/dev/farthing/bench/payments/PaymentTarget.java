package dev.farthing.bench.payments;

/** Where benchmark payments go: the risk engine in-process, the ledger alone (baseline), or the HTTP API. */
interface PaymentTarget extends AutoCloseable {

    /** Starts one payment due at {@code intendedNanos}; its answer is recorded in {@code recorder} later. */
    void send(long intendedNanos, LatencyRecorder recorder) throws Exception;

    /** Waits until every payment sent so far has been answered. */
    void drain() throws InterruptedException;

    String settings();

    @Override
    void close();
}
