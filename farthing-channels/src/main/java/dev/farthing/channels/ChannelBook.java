package dev.farthing.channels;

import dev.farthing.keys.Hex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Every channel and the one path by which a channel changes: under the channel's lock, decide ({@link Op}),
 * journal the intent durably, move the money through the ledger, publish the new channel, emit the event.
 * A ledger refusal journals an ABORT and leaves the channel as it was; a ledger that does not answer leaves
 * the operation unresolved (retried by the ticker; recovery re-applies it the same way).
 * Operations hold the read side of {@code quiesce}; conservation checks and compaction take the write side.
 * Only open (and closing) channels live here: a channel that closes is written to {@link ClosedChannels} and
 * its slot leaves the map, so memory is bounded by the channels still open.
 */
final class ChannelBook {
    /** One channel's slot: its lock, the published channel (null until opened), an unresolved operation. */
    static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        volatile Channel current;
        volatile ChannelJournal.Pending unresolved;
        volatile dev.farthing.keys.Ed25519Verifier claimVerifier;
    }

    record Deadline(long at, String key) implements Comparable<Deadline> {
        @Override
        public int compareTo(Deadline o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : key.compareTo(o.key);
        }
    }

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<Deadline> deadlines = new ConcurrentSkipListSet<>();
    final ReentrantReadWriteLock quiesce = new ReentrantReadWriteLock();
    private final ChannelJournal journal;
    private final EventLog events;
    private final LedgerMoves moves;
    private final ClosedChannels closed;

    ChannelBook(ChannelJournal journal, EventLog events, LedgerMoves moves, ClosedChannels closed) {
        this.journal = journal;
        this.events = events;
        this.moves = moves;
        this.closed = closed;
    }

    ClosedChannels closed() {
        return closed;
    }

    static String key(byte[] id) {
        return Hex.encode(id);
    }

    Slot slot(String key) {
        return slots.get(key);
    }

    Slot slotForOpen(String key) {
        return slots.computeIfAbsent(key, k -> new Slot());
    }

    /** Restores a recovered channel (start-up only); a closed one goes to the closed store, not memory. */
    void restore(Channel c) {
        if (c.status() == ChannelStatus.CLOSED) {
            closed.store(c);
            return;
        }
        Slot s = slotForOpen(c.terms().idHex());
        s.current = c;
        track(c);
    }

    /** A channel that just closed leaves memory: durable in the closed store first, then out of the map. */
    private void retireIfClosed(Slot slot, Channel c) {
        if (c != null && c.status() == ChannelStatus.CLOSED) {
            closed.store(c);
            slots.remove(c.terms().idHex(), slot);
        }
    }

    /**
     * Runs one operation on the channel in {@code slot}: {@code decide} sees the current channel (null if not
     * yet opened) and returns the Op, or null for "nothing to do". Returns the channel after it.
     */
    Channel execute(Slot slot, Function<Channel, Op> decide) {
        quiesce.readLock().lock();
        slot.lock.lock();
        try {
            resolvePending(slot);
            Channel before = slot.current;
            Op op = decide.apply(before);
            if (op == null) {
                return before;
            }
            Channel after = op.after().checked();
            journal.intent(after, op.moves(), op.event());
            commit(slot, new ChannelJournal.Pending(before, after, op.moves(), op.event()));
            return after;
        } finally {
            slot.lock.unlock();
            quiesce.readLock().unlock();
        }
    }

    /** Applies an intent already journaled; aborts it on a ledger refusal. Caller holds the slot lock. */
    void commit(Slot slot, ChannelJournal.Pending p) {
        try {
            moves.apply(p.after(), p.moves());
        } catch (ChannelException e) {
            if (e.error() == ChannelError.UNAVAILABLE) {
                throw unresolved(slot, p, e);
            }
            journal.abort(p.after());
            slot.current = p.before() == null ? null : p.before().skippingOp();
            slot.unresolved = null;
            throw e;
        } catch (RuntimeException e) {
            // Unknown whether the ledger applied it: keep the intent and retry, never guess.
            throw unresolved(slot, p, new ChannelException(ChannelError.UNAVAILABLE, "the ledger call failed: " + e));
        }
        slot.current = p.after();
        slot.unresolved = null;
        track(p.after());
        Op.EventSpec ev = p.event();
        if (ev != null) {
            events.append(ev.type(), p.after().terms().id(), ev.commitment(), ev.nonce(), ev.windowEndsAt(),
                    moves.now(), p.after().opSeq());
        }
        retireIfClosed(slot, p.after());
    }

    private static ChannelException unresolved(Slot slot, ChannelJournal.Pending p, ChannelException e) {
        slot.current = p.after();
        slot.unresolved = p;
        return e;
    }

    /** Re-applies an operation whose ledger call did not answer; caller holds the slot lock. */
    private void resolvePending(Slot slot) {
        ChannelJournal.Pending p = slot.unresolved;
        if (p != null) {
            commit(slot, p);
        }
    }

    /** Recovery: re-applies moves of intents that may not have reached the ledger; re-emits missing events. */
    void recover(ChannelJournal.Pending p) {
        Slot slot = slotForOpen(p.after().terms().idHex());
        slot.lock.lock();
        try {
            slot.current = p.after();
            try {
                moves.apply(p.after(), p.moves());
            } catch (ChannelException e) {
                if (e.error() == ChannelError.UNAVAILABLE) {
                    slot.unresolved = p;
                    return;
                }
                journal.abort(p.after());
                slot.current = p.before() == null ? null : p.before().skippingOp();
                return;
            }
            track(p.after());
            Op.EventSpec ev = p.event();
            if (ev != null && !events.contains(p.after().terms().id(), p.after().opSeq())) {
                events.append(ev.type(), p.after().terms().id(), ev.commitment(), ev.nonce(), ev.windowEndsAt(),
                        moves.now(), p.after().opSeq());
            }
            retireIfClosed(slot, p.after());
        } finally {
            slot.lock.unlock();
        }
    }

    void track(Channel c) {
        if (c != null && c.status() != ChannelStatus.CLOSED && c.closesAt() != 0) {
            deadlines.add(new Deadline(c.closesAt(), c.terms().idHex()));
        }
    }

    boolean hasDeadlines() {
        return !deadlines.isEmpty();
    }

    /** Keys whose deadline is at or before {@code now} (removed from the index; stale ones are harmless). */
    List<String> due(long now) {
        List<String> out = new ArrayList<>();
        while (!deadlines.isEmpty() && deadlines.first().at() <= now) {
            Deadline d = deadlines.pollFirst();
            if (d != null) {
                out.add(d.key());
            }
        }
        return out;
    }

    /** Keys with an unresolved operation (the ticker retries them). */
    List<Slot> unresolved() {
        List<Slot> out = new ArrayList<>();
        for (Slot s : slots.values()) {
            if (s.unresolved != null) {
                out.add(s);
            }
        }
        return out;
    }

    void retry(Slot slot) {
        slot.lock.lock();
        try {
            resolvePending(slot);
        } finally {
            slot.lock.unlock();
        }
    }

    /** Open channels in memory. */
    int openCount() {
        return slots.size();
    }

    /** Every published channel still open or closing (consistent only under the write side of {@code quiesce}). */
    Collection<Channel> all() {
        List<Channel> out = new ArrayList<>(slots.size());
        for (Slot s : slots.values()) {
            Channel c = s.current;
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }
}
