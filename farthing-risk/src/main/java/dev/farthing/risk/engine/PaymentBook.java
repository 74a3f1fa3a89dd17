package dev.farthing.risk.engine;

import dev.farthing.ledger.journal.Hashing;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Payments by id: the idempotency table and the state of every hold. Written by the decision thread only,
 * read from any thread. Bounded: past {@code maxPayments}, the oldest settled payments are forgotten in
 * memory (payments still pending on the ledger or held are never forgotten).
 */
final class PaymentBook {
    private final ConcurrentHashMap<String, BookEntry> entries = new ConcurrentHashMap<>();
    private final ArrayDeque<String> order = new ArrayDeque<>();
    /** Fingerprints are taken on the callers' threads, off the decision thread: one digest per thread. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hashing::sha256);
    private final int maxPayments;

    PaymentBook(int maxPayments) {
        this.maxPayments = maxPayments;
    }

    /** A 128-bit digest of a request's canonical bytes: equal exactly when the bodies are equal. Any thread. */
    static byte[] fingerprint(byte[] canonical) {
        return Arrays.copyOf(SHA256.get().digest(canonical), 16);
    }

    BookEntry get(String id) {
        return entries.get(id);
    }

    void add(String id, BookEntry entry) {
        if (entries.putIfAbsent(id, entry) != null) {
            throw new IllegalStateException("payment " + id + " is already in the book");
        }
        order.addLast(id);
        evictSettled();
    }

    Collection<BookEntry> all() {
        return entries.values();
    }

    int size() {
        return entries.size();
    }

    private void evictSettled() {
        int scanned = 0;
        int limit = order.size();
        while (entries.size() > maxPayments && scanned++ < limit) {
            String oldest = order.pollFirst();
            BookEntry e = entries.get(oldest);
            if (e != null && e.settled()) {
                entries.remove(oldest);
            } else if (e != null) {
                order.addLast(oldest);
            }
        }
    }
}
