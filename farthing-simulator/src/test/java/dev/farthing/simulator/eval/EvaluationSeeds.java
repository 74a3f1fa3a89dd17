package dev.farthing.simulator.eval;

/** Evaluation seeds, drawn from the clock once the detector was final (see docs/DETECTION.md). */
final class EvaluationSeeds {
    static final long FIRST = 1795442394198454162L;
    static final long SECOND = 1795442394575137066L;
    /** Drawn after the model was retrained on clients that omit optional context (14:40 UTC). */
    static final long THIRD = 1795444855683280418L;

    private EvaluationSeeds() {
    }
}
