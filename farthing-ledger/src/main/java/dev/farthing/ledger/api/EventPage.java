package dev.farthing.ledger.api;

import java.util.List;

/**
 * Durable events in history order, oldest first. {@code next} is the position to ask after for the following page
 * (the last event's position, or the position asked after when the page is empty); {@code head} is the position of
 * the newest durable event when the page was read, so {@code next.equals(head)} means the reader has caught up.
 */
public record EventPage(List<TailedEvent> events, EventPosition next, EventPosition head) {
    public EventPage {
        events = List.copyOf(events);
    }

    public boolean caughtUp() {
        return next.compareTo(head) >= 0;
    }
}
