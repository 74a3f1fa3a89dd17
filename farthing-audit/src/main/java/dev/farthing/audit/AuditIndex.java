package dev.farthing.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In memory, what queries need to find records without reading the log: per record (by sequence) its
 * position, time, actor and action, and per subject the sequences that name it. Rebuilt from the log on open,
 * never written. About 40 bytes per record plus the distinct names; the records themselves stay on disk.
 * One writer (the log's completion thread), many readers.
 */
final class AuditIndex {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> names = new HashMap<>();
    private final List<String> nameById = new ArrayList<>();
    private final Map<String, IntList> bySubject = new HashMap<>();
    private long[] positions = new long[1024];
    private long[] times = new long[1024];
    private int[] actors = new int[1024];
    private int[] actions = new int[1024];
    private int size;
    private final TreeMap<Long, AuditRecord> early = new TreeMap<>();

    /**
     * Adds a durable record. Completions may run on the appending thread when the fsync won the race, so a record
     * can arrive before the one ahead of it: it waits in {@code early} (at most the log's queue) until the gap fills.
     */
    void add(AuditRecord r) {
        lock.writeLock().lock();
        try {
            if (r.sequence() <= size) {
                throw new IllegalStateException("audit record " + r.sequence() + " indexed twice");
            }
            early.put(r.sequence(), r);
            AuditRecord next;
            while ((next = early.remove(size + 1L)) != null) {
                put(next);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void put(AuditRecord r) {
        if (size == positions.length) {
            int n = Math.multiplyExact(size, 2);
            positions = Arrays.copyOf(positions, n);
            times = Arrays.copyOf(times, n);
            actors = Arrays.copyOf(actors, n);
            actions = Arrays.copyOf(actions, n);
        }
        positions[size] = r.position();
        times[size] = r.timeNanos();
        actors[size] = name(r.event().actor());
        actions[size] = name(r.event().action());
        bySubject.computeIfAbsent(r.event().subject(), s -> new IntList()).add(size);
        size++;
    }

    long size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Positions of the matching records in sequence order, at most {@code max} of them. */
    long[] find(AuditQuery q, int max) {
        lock.readLock().lock();
        try {
            Integer actor = q.actor() == null ? null : names.get(q.actor());
            if (q.actor() != null && actor == null) {
                return new long[0];
            }
            long[] found = new long[Math.min(max, 64)];
            int n = 0;
            if (q.subject() != null) {
                IntList list = bySubject.get(q.subject());
                if (list == null) {
                    return new long[0];
                }
                for (int k = list.firstAbove((int) Math.min(q.afterSequence() - 1, Integer.MAX_VALUE)); k < list.size && n < max; k++) {
                    int i = list.values[k];
                    if (matches(i, q, actor)) {
                        found = grow(found, n);
                        found[n++] = positions[i];
                    }
                }
            } else {
                for (int i = firstIndex(q); i < size && n < max; i++) {
                    if (q.toNanos() != null && times[i] >= q.toNanos()) {
                        break;
                    }
                    if (matches(i, q, actor)) {
                        found = grow(found, n);
                        found[n++] = positions[i];
                    }
                }
            }
            return Arrays.copyOf(found, n);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Times never go back, so the first record at or after {@code from} is found by bisection. */
    private int firstIndex(AuditQuery q) {
        int start = (int) Math.min(q.afterSequence(), size);
        if (q.fromNanos() == null) {
            return start;
        }
        int lo = start;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < q.fromNanos()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private boolean matches(int i, AuditQuery q, Integer actor) {
        return (actor == null || actors[i] == actor)
                && (q.fromNanos() == null || times[i] >= q.fromNanos())
                && (q.toNanos() == null || times[i] < q.toNanos())
                && q.matchesAction(nameById.get(actions[i]));
    }

    private static long[] grow(long[] a, int n) {
        return n < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }

    private int name(String s) {
        Integer id = names.get(s);
        if (id == null) {
            id = nameById.size();
            names.put(s, id);
            nameById.add(s);
        }
        return id;
    }

    /** Record indexes (sequence - 1) in increasing order. */
    private static final class IntList {
        int[] values = new int[2];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        /** The first slot whose value is above {@code v}. */
        int firstAbove(int v) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[mid] <= v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
