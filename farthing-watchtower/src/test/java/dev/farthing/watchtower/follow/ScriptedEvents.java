package dev.farthing.watchtower.follow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An in-memory, replayable event stream standing in for the engine's, with pages of bounded size. Its ledger
 * time is real time unless a test sets it ({@link #ledgerTime(Supplier)}); events are stamped with it.
 */
final class ScriptedEvents implements EventSource {
    private final List<ChannelEvent> events = new ArrayList<>();
    private final int pageSize;
    private volatile Supplier<Instant> ledger = Instant::now;
    volatile int polls;

    ScriptedEvents(int pageSize) {
        this.pageSize = pageSize;
    }

    void ledgerTime(Supplier<Instant> now) {
        ledger = now;
    }

    synchronized long append(String type, String channelId, byte[] commitment, long nonce, Instant window) {
        long seq = events.size() + 1;
        events.add(new ChannelEvent(seq, type, channelId, commitment, nonce, window, ledger.get()));
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
            return new EventPage(page, after, ledger.get());
        }
        return new EventPage(page, page.getLast().seq(), ledger.get());
    }

    @Override
    public Instant ledgerNow() {
        return ledger.get();
    }
}
