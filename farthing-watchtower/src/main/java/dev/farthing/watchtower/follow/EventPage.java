package dev.farthing.watchtower.follow;

import java.util.List;

/** One long-poll answer: events after the cursor, in seq order, and the cursor to ask from next. */
public record EventPage(List<ChannelEvent> events, long next) {

    public EventPage {
        events = List.copyOf(events);
        long previous = 0;
        for (ChannelEvent e : events) {
            if (e.seq() <= previous || e.seq() > next) {
                throw new IllegalArgumentException("event seqs must increase and not pass next: " + e.seq());
            }
            previous = e.seq();
        }
    }
}
