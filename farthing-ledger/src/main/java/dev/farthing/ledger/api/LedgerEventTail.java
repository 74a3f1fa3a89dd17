package dev.farthing.ledger.api;

import java.time.Duration;

/**
 * A read-only tail of the ledger's durable events, for consumers that follow the ledger (monitoring, read models,
 * a Kafka bridge): every event is delivered exactly in journal order, only once it is fsynced, and the same
 * position always yields the same events, so a consumer that stores its position resumes without gaps or
 * duplicates after a restart of either side.
 *
 * <p>Recent events are served from a bounded window in memory; older ones are streamed from the journal one record
 * at a time, so no read holds more than one page and one journal record. Pages hold 1..{@link #MAX_PAGE} events.
 * Safe from any thread; reading never slows the ledger's writer (it takes one short lock per group commit).
 */
public interface LedgerEventTail {
    int MAX_PAGE = 10_000;

    /** Up to {@code max} events after {@code after}; empty when none is durable yet. Never waits. */
    EventPage read(EventPosition after, int max);

    /**
     * As {@link #read}, but when nothing after {@code after} is durable yet, waits up to {@code timeout} for the
     * next commit; returns an empty page when the time runs out or the ledger closes.
     */
    EventPage await(EventPosition after, int max, Duration timeout) throws InterruptedException;

    /** The position of the newest durable event ({@link EventPosition#START} when there is none). */
    EventPosition head();
}
