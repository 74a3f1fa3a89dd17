package dev.farthing.simulator.eval;

/** Evaluation seeds, drawn from the clock once the detector was final (see docs/DETECTION.md). */
final class EvaluationSeeds {
    static final long FIRST = 1795442394198454162L;
    static final long SECOND = 1795442394575137066L;

    private EvaluationSeeds() {
    }
}
