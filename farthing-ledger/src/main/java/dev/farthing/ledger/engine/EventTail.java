package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.EventPage;
import dev.farthing.ledger.api.EventPosition;
import dev.farthing.ledger.api.LedgerEventTail;
import dev.farthing.ledger.api.TailedEvent;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.journal.JournalTailReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ledger's event tail: the most recent durable batches in a bounded ring (at most {@link #WINDOW_EVENTS}
 * events, {@link #WINDOW_BATCHES} batches), older ones streamed from the journal. The journal thread publishes each
 * group right after its fsync; readers copy references under a short lock and decode nothing.
 */
final class EventTail implements LedgerEventTail {
    static final int WINDOW_EVENTS = 65_536;
    static final int WINDOW_BATCHES = 8_192;

    /** One committed journal record. */
    record Batch(long sequence, long batchTime, List<LedgerEvent> events) {
    }

    private final JournalTailReader journal;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition published = lock.newCondition();
    private final Batch[] ring = new Batch[WINDOW_BATCHES];
    private int first;
    private int size;
    private long windowEvents;
    /** Every position at or after this one is answered from the ring: the last event before its first batch. */
    private EventPosition floor;
    private volatile EventPosition head;
    private volatile boolean closed;

    /** {@code head}: the journal's last durable event at start-up. */
    EventTail(JournalTailReader journal, EventPosition head) {
        this.journal = journal;
        this.head = head;
        this.floor = head;
    }

    /** Called by the journal thread only, after the batches are durable; sequences continue the previous ones. */
    void publish(List<Batch> batches) {
        if (batches.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            for (Batch b : batches) {
                assert b.sequence() == head.batch() + 1 : "batch " + b.sequence() + " after " + head;
                assert !b.events().isEmpty();
                if (size == ring.length) {
                    evictOldest();
                }
                ring[(first + size) % ring.length] = b;
                size++;
                windowEvents += b.events().size();
                head = new EventPosition(b.sequence(), b.events().size() - 1);
                while (windowEvents > WINDOW_EVENTS && size > 1) {
                    evictOldest();
                }
            }
            published.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void evictOldest() {
        Batch gone = ring[first];
        ring[first] = null;
        first = (first + 1) % ring.length;
        size--;
        windowEvents -= gone.events().size();
        floor = new EventPosition(gone.sequence(), gone.events().size() - 1);
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            published.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public EventPosition head() {
        return head;
    }

    @Override
    public EventPage read(EventPosition after, int max) {
        if (max < 1 || max > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1.." + MAX_PAGE + " events, not " + max);
        }
        EventPosition end = head;
        if (after.compareTo(end) > 0) {
            throw new IllegalArgumentException("position " + after + " is after the newest durable event " + end
                    + ": it belongs to another ledger or to a journal that lost records");
        }
        List<TailedEvent> out = new ArrayList<>(Math.min(max, 256));
        if (after.compareTo(end) == 0 || fromWindow(after, max, end, out)) {
            return page(out, after, end);
        }
        fromJournal(after, max, end, out);
        return page(out, after, end);
    }

    @Override
    public EventPage await(EventPosition after, int max, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (after.compareTo(head) >= 0) {
            lock.lockInterruptibly();
            try {
                long left;
                while (after.compareTo(head) >= 0 && !closed && (left = deadline - System.nanoTime()) > 0) {
                    published.awaitNanos(left);
                }
            } finally {
                lock.unlock();
            }
        }
        return read(after, max);
    }

    private static EventPage page(List<TailedEvent> events, EventPosition after, EventPosition head) {
        return new EventPage(events, events.isEmpty() ? after : events.getLast().position(), head);
    }

    /** Copies from the ring when it covers {@code after}; false (nothing copied) when it does not. */
    private boolean fromWindow(EventPosition after, int max, EventPosition end, List<TailedEvent> out) {
        lock.lock();
        try {
            if (after.compareTo(floor) < 0) {
                return false;
            }
            long firstSequence = size == 0 ? head.batch() + 1 : ring[first].sequence();
            int slot = (int) Math.max(0, after.batch() - firstSequence);
            int index = after.batch() < firstSequence ? 0 : after.index() + 1;
            for (; slot < size && out.size() < max; slot++, index = 0) {
                Batch b = ring[(first + slot) % ring.length];
                if (b.sequence() > end.batch()) {
                    break; // published after this read began: the page ends at the head it reports
                }
                for (int i = index; i < b.events().size() && out.size() < max; i++) {
                    out.add(new TailedEvent(new EventPosition(b.sequence(), i), b.batchTime(), b.events().get(i)));
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void fromJournal(EventPosition after, int max, EventPosition end, List<TailedEvent> out) {
        journal.read(Math.max(1, after.batch()), end.batch(), (sequence, batchTime, events) -> {
            int from = sequence == after.batch() ? after.index() + 1 : 0;
            for (int i = from; i < events.size() && out.size() < max; i++) {
                out.add(new TailedEvent(new EventPosition(sequence, i), batchTime, events.get(i)));
            }
            return out.size() < max;
        });
    }
}
