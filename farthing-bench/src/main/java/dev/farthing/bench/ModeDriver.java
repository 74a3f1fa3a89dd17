package dev.farthing.bench;

/** Drives one mode's load against a prepared target. Created once per run, reused for warm-up and measurement. */
public interface ModeDriver {

    /** Sends load until {@link Phase#claim} says stop, then waits until every outstanding request is answered. */
    void runPhase(Phase phase) throws Exception;

    /** The knobs that shaped this run, for the result line, e.g. {@code inflight=8 batch=8192 fsync=on}. */
    String settings();
}
