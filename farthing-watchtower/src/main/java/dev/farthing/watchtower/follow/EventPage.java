package dev.farthing.watchtower.follow;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One long-poll answer: events after the cursor, in seq order, the cursor to ask from next, and the engine's
 * ledger time when it answered (the tower's only notion of "now" for dispute windows).
 */
public record EventPage(List<ChannelEvent> events, long next, Instant ledgerTime) {

    public EventPage {
        events = List.copyOf(events);
        Objects.requireNonNull(ledgerTime, "ledgerTime");
        long previous = 0;
        for (ChannelEvent e : events) {
            if (e.seq() <= previous || e.seq() > next) {
                throw new IllegalArgumentException("event seqs must increase and not pass next: " + e.seq());
            }
            previous = e.seq();
        }
    }
}
