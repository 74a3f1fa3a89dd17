package dev.farthing.ledger.state;

import dev.farthing.ledger.model.TransferView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/** Open (pending) holds by id, with an expiry queue ordered by ledger time. Memory ~ open holds only. */
final class Holds {
    private final Map<String, TransferView> open = new HashMap<>();
    private final PriorityQueue<TransferView> byExpiry = new PriorityQueue<>(
            (a, b) -> a.expiresAt() != b.expiresAt() ? Long.compare(a.expiresAt(), b.expiresAt())
                    : Long.compare(a.timestamp(), b.timestamp()));

    TransferView get(String id) {
        return open.get(id);
    }

    void add(TransferView hold) {
        TransferView previous = open.put(hold.id(), hold);
        assert previous == null : "hold " + hold.id() + " opened twice";
        byExpiry.add(hold);
    }

    /**
     * Re-opens a hold removed earlier in the same command (an atomic batch rolled back). Its expiry entry is
     * still queued: removal is lazy and the queue is only rebuilt in {@link #dueBy}, at a batch's start.
     */
    void restore(TransferView hold) {
        TransferView previous = open.put(hold.id(), hold);
        assert previous == null : "hold " + hold.id() + " restored while open";
    }

    TransferView remove(String id) {
        // The expiry queue is cleaned lazily: dueBy() skips holds no longer open.
        return open.remove(id);
    }

    /** Open holds whose expiry is at or before {@code now}, oldest first. */
    List<TransferView> dueBy(long now) {
        List<TransferView> due = new ArrayList<>();
        while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt() <= now) {
            TransferView hold = byExpiry.poll();
            if (open.get(hold.id()) == hold) {
                due.add(hold);
            }
        }
        if (byExpiry.size() > 2 * open.size() + 1024) {
            byExpiry.clear();
            byExpiry.addAll(open.values());
        }
        return due;
    }

    int size() {
        return open.size();
    }

    Collection<TransferView> all() {
        return open.values();
    }
}
