package dev.farthing.watchtower.store;

import dev.farthing.watchtower.blob.Hint;

/**
 * Open-addressing hash table (linear probing) from a 16-byte hint to the newest record filed under it.
 * Everything lives in three primitive arrays, 20 bytes a slot, so a million hints cost about 40 MiB and no
 * objects; a lookup is one hash and a short probe, whatever the table's size. Records are never deleted, so
 * there are no tombstones. Thread-safe: the store's writer puts while the follower and HTTP threads look up.
 */
final class HintIndex {
    private static final int MIN_CAPACITY = 1 << 10;
    private static final int MAX_CAPACITY = 1 << 30;
    private long[] highs;
    private long[] lows;
    /** Record index + 1; 0 marks an empty slot, so every hint value (zero included) is a valid key. */
    private int[] records;
    private int size;
    /** Per-process secret mixed into every hash, so uploaded hints cannot be chosen to collide. */
    private final long seed = new java.security.SecureRandom().nextLong();

    HintIndex(int expected) {
        int capacity = MIN_CAPACITY;
        while (capacity < MAX_CAPACITY && expected > threshold(capacity)) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    /** The newest record filed under {@code hint}, or -1. */
    synchronized int get(Hint hint) {
        int mask = records.length - 1;
        for (int i = slot(hint.high(), hint.low(), mask); ; i = (i + 1) & mask) {
            if (records[i] == 0) {
                return -1;
            }
            if (highs[i] == hint.high() && lows[i] == hint.low()) {
                return records[i] - 1;
            }
        }
    }

    /** Files {@code record} as the newest under {@code hint}, replacing the previous head of its chain. */
    synchronized void put(Hint hint, int record) {
        if (record < 0 || record == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("record index out of range: " + record);
        }
        if (size + 1 > threshold(records.length)) {
            grow();
        }
        if (insert(hint.high(), hint.low(), record + 1)) {
            size++;
        }
    }

    synchronized int size() {
        return size;
    }

    synchronized int capacity() {
        return records.length;
    }

    /** Bytes held by the table's arrays. */
    synchronized long memoryBytes() {
        return (long) records.length * (Long.BYTES * 2 + Integer.BYTES);
    }

    private boolean insert(long high, long low, int value) {
        int mask = records.length - 1;
        for (int i = slot(high, low, mask); ; i = (i + 1) & mask) {
            if (records[i] == 0) {
                highs[i] = high;
                lows[i] = low;
                records[i] = value;
                return true;
            }
            if (highs[i] == high && lows[i] == low) {
                records[i] = value;
                return false;
            }
        }
    }

    private void grow() {
        if (records.length >= MAX_CAPACITY) {
            throw new IllegalStateException("hint index is at its maximum capacity of " + MAX_CAPACITY);
        }
        long[] oldHighs = highs;
        long[] oldLows = lows;
        int[] oldRecords = records;
        allocate(records.length << 1);
        for (int i = 0; i < oldRecords.length; i++) {
            if (oldRecords[i] != 0) {
                insert(oldHighs[i], oldLows[i], oldRecords[i]);
            }
        }
    }

    private void allocate(int capacity) {
        highs = new long[capacity];
        lows = new long[capacity];
        records = new int[capacity];
    }

    /** Load factor 3/4: probes stay short with linear probing and well-mixed keys. */
    private static int threshold(int capacity) {
        return (int) ((long) capacity * 3 / 4);
    }

    /**
     * Hints are SHA-256 output, already uniform, but a client chooses them, so they are mixed with a secret
     * seed (then the MurmurHash3 finaliser) rather than trusted: nobody can line hints up on one probe run.
     */
    private int slot(long high, long low, int mask) {
        long h = (high ^ seed) * 0x9E3779B97F4A7C15L ^ low;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe1a85a53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}
