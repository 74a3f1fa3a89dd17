package dev.farthing.bench.payments;

/**
 * Where benchmark payments go: the risk engine in-process, the ledger alone (baseline), or the HTTP API. Each
 * target counts what it sent and has not had answered, so a phase can wait for every answer.
 */
abstract class PaymentTarget implements AutoCloseable {
    protected final Outstanding outstanding = new Outstanding();
    private final String settings;

    PaymentTarget(String settings) {
        this.settings = settings;
    }

    /** Starts one payment due at {@code intendedNanos}; its answer is recorded in {@code recorder} later. */
    abstract void send(long intendedNanos, LatencyRecorder recorder) throws Exception;

    /** Waits until every payment sent so far has been answered. */
    final void drain() throws InterruptedException {
        outstanding.await();
    }

    final String settings() {
        return settings;
    }

    /** In-process targets hold nothing of their own; the HTTP target stops its workers. */
    @Override
    public void close() {
    }
}
