package dev.farthing.settlement.routing;

/**
 * One provider's breaker: {@code threshold} failures in a row open it for {@code openNanos}; then one probe is let
 * through (half open), and its outcome closes or reopens it. Time is the caller's (ledger time), so tests drive it.
 */
final class CircuitBreaker {
    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openNanos;
    private int failuresInARow;
    private long openedAt;
    private State state = State.CLOSED;
    private boolean probeOut;

    CircuitBreaker(int threshold, long openNanos) {
        this.threshold = threshold;
        this.openNanos = openNanos;
    }

    /** May a payout be sent now? A half-open breaker admits one probe at a time. */
    boolean admits(long now) {
        if (state == State.OPEN && now - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            probeOut = false;
        }
        return state == State.CLOSED || (state == State.HALF_OPEN && !probeOut);
    }

    void sent() {
        if (state == State.HALF_OPEN) probeOut = true;
    }

    /** The probe {@link #sent} was chosen for did not go (no free slot): another may. */
    void notSent() {
        if (state == State.HALF_OPEN) probeOut = false;
    }

    void succeeded() {
        failuresInARow = 0;
        state = State.CLOSED;
        probeOut = false;
    }

    void failed(long now) {
        failuresInARow++;
        if (state == State.HALF_OPEN || failuresInARow >= threshold) {
            state = State.OPEN;
            openedAt = now;
            probeOut = false;
        }
    }

    State state(long now) {
        admits(now);
        return state;
    }
}
