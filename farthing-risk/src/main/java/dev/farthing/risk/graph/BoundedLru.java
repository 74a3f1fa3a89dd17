package dev.farthing.risk.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A map of at most {@code capacity} entries that evicts the least recently touched one. Unlike an
 * access-ordered {@link java.util.LinkedHashMap}, {@link #get} does not reorder: only {@link #touch} and
 * {@link #put} do, so readers that must not change state (feature extraction) can look entries up freely.
 * Iteration runs from the least to the most recently touched entry, which is also the order a snapshot
 * writes and a restore re-inserts, so eviction order survives a restart. Single-threaded.
 */
public final class BoundedLru<V> {
    private final int capacity;
    private final Map<String, Node<V>> index;
    private Node<V> eldest;
    private Node<V> newest;
    private long evictions;

    public BoundedLru(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.index = new HashMap<>(Math.min(capacity, 1 << 16) * 2);
    }

    private static final class Node<V> {
        final String key;
        final V value;
        Node<V> older;
        Node<V> newer;

        Node(String key, V value) {
            this.key = key;
            this.value = value;
        }
    }

    /** The value for {@code key} or null; does not change the eviction order. */
    public V get(String key) {
        Node<V> node = index.get(key);
        return node == null ? null : node.value;
    }

    /** Marks {@code key} most recently used; returns its value or null when absent. */
    public V touch(String key) {
        Node<V> node = index.get(key);
        if (node == null) {
            return null;
        }
        if (node != newest) {
            unlink(node);
            append(node);
        }
        return node.value;
    }

    /** Inserts a new entry as the most recent one, evicting the eldest when full. The key must be absent. */
    public void put(String key, V value) {
        if (index.containsKey(key)) {
            throw new IllegalStateException("key already present: " + key);
        }
        if (index.size() == capacity) {
            Node<V> victim = eldest;
            unlink(victim);
            index.remove(victim.key);
            evictions++;
        }
        Node<V> node = new Node<>(key, value);
        index.put(key, node);
        append(node);
    }

    public int size() {
        return index.size();
    }

    public int capacity() {
        return capacity;
    }

    /** How many entries were evicted to stay within capacity. */
    public long evictions() {
        return evictions;
    }

    /** Keys from the least to the most recently touched (for snapshots; allocates). */
    public List<String> keysEldestFirst() {
        List<String> keys = new ArrayList<>(index.size());
        for (Node<V> n = eldest; n != null; n = n.newer) {
            keys.add(n.key);
        }
        return keys;
    }

    private void unlink(Node<V> node) {
        if (node.older == null) {
            eldest = node.newer;
        } else {
            node.older.newer = node.newer;
        }
        if (node.newer == null) {
            newest = node.older;
        } else {
            node.newer.older = node.older;
        }
        node.older = null;
        node.newer = null;
    }

    private void append(Node<V> node) {
        node.older = newest;
        if (newest == null) {
            eldest = node;
        } else {
            newest.newer = node;
        }
        newest = node;
    }
}
