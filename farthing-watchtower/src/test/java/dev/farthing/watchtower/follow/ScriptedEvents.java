package dev.farthing.watchtower.follow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An in-memory, replayable event stream standing in for the engine's, with pages of bounded size. */
final class ScriptedEvents implements EventSource {
    private final List<ChannelEvent> events = new ArrayList<>();
    private final int pageSize;
    volatile int polls;

    ScriptedEvents(int pageSize) {
        this.pageSize = pageSize;
    }

    synchronized long append(String type, String channelId, byte[] commitment, long nonce, java.time.Instant window) {
        long seq = events.size() + 1;
        events.add(new ChannelEvent(seq, type, channelId, commitment, nonce, window));
        return seq;
    }

    @Override
    public synchronized EventPage poll(long after, Duration wait) throws InterruptedException {
        polls++;
        List<ChannelEvent> page = new ArrayList<>();
        for (int i = (int) after; i < events.size() && page.size() < pageSize; i++) {
            page.add(events.get(i));
        }
        if (page.isEmpty()) {
            wait(Math.max(1, Math.min(wait.toMillis(), 20)));
            return new EventPage(page, after);
        }
        return new EventPage(page, page.getLast().seq());
    }
}
