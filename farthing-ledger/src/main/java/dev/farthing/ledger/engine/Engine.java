package dev.farthing.ledger.engine;

/** What pipeline stages need from the engine that runs them. */
interface Engine {
    boolean isStopping();

    boolean isFailed();

    /** A stage hit an unexpected error: the ledger stops accepting work (fail-stop). */
    void fail(String stage, Throwable cause);

    void snapshotFailed(Throwable cause);
}
