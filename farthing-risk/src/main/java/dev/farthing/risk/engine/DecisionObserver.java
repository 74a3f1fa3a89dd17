package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;

/** Told of every fresh decision (not repeats), for metrics. Called on the decision thread: keep it cheap. */
public interface DecisionObserver {
    DecisionObserver NONE = (decision, latencyNanos) -> { };

    /** {@code decision} as finally answered (a ledger refusal is DECLINED); {@code latencyNanos} submit to answer. */
    void decided(Decision decision, long latencyNanos);
}
