package dev.farthing.risk.engine;


import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Payments by id in memory: the fast idempotency table and the state of every hold. Written by the decision
 * thread only, read from any thread. Bounded: past {@code maxPayments}, the oldest settled payments are
 * forgotten (payments still pending on the ledger or held are never forgotten). A forgotten payment still
 * answers from the payment index, so a settled one leaves memory only once the index holds its final state:
 * it waits in {@code leaving} until the index has folded the journal up to the record count at which it was
 * picked (the book overshoots its bound by the payments picked while the indexer had not yet passed them: those
 * of the indexer's lag, and at least the one picked in the current batch).
 */
final class PaymentBook {
    private record Leaving(String id, long journalRecords) {
    }

    private final ConcurrentHashMap<String, BookEntry> entries = new ConcurrentHashMap<>();
    private final ArrayDeque<String> order = new ArrayDeque<>();
    private final ArrayDeque<Leaving> leaving = new ArrayDeque<>();
    /** Fingerprints are taken on the callers' threads, off the decision thread: one digest per thread. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(PaymentBook::sha256);
    private final int maxPayments;
    private final LongSupplier journalRecords;
    private final LongSupplier indexedRecords;
    /** The highest journal record count at which a payment was forgotten: index lookups older than that may miss it. */
    private long forgottenThrough;

    PaymentBook(int maxPayments, LongSupplier journalRecords, LongSupplier indexedRecords) {
        this.maxPayments = maxPayments;
        this.journalRecords = journalRecords;
        this.indexedRecords = indexedRecords;
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

    /** The payments not settled yet (pending on the ledger or held), oldest first: what a snapshot keeps. */
    List<Map.Entry<String, BookEntry>> unsettledInOrder() {
        List<Map.Entry<String, BookEntry>> out = new ArrayList<>();
        for (String id : order) {
            BookEntry e = entries.get(id);
            if (e != null && !e.settled()) {
                out.add(Map.entry(id, e));
            }
        }
        return out;
    }

    /** Puts back a snapshot's unsettled payment (no eviction: restored entries are never settled). */
    void restoreUnsettled(String id, BookEntry entry) {
        if (entries.putIfAbsent(id, entry) != null) {
            throw new IllegalStateException("payment " + id + " is already in the book");
        }
        order.addLast(id);
    }

    /**
     * A restored book holds no settled payment of the first {@code journalRecords} records: the index answers for
     * them, and a lookup is conclusive only once the index has reached that far.
     */
    void forgottenAt(long journalRecords) {
        forgottenThrough = Math.max(forgottenThrough, journalRecords);
    }

    Collection<BookEntry> all() {
        return entries.values();
    }

    int size() {
        return entries.size();
    }

    /**
     * Whether an index lookup made at {@code prior} settles that an id absent from memory is new (absent there
     * too) or forgotten (found): only if the index had reached every payment this book has forgotten.
     */
    boolean conclusive(Command.Prior prior) {
        return prior != null && prior.indexedRecords() >= forgottenThrough;
    }

    private void evictSettled() {
        int scanned = 0;
        int limit = order.size();
        while (entries.size() - leaving.size() > maxPayments && scanned++ < limit) {
            String oldest = order.pollFirst();
            BookEntry e = entries.get(oldest);
            if (e != null && e.settled()) {
                leaving.addLast(new Leaving(oldest, journalRecords.getAsLong()));
            } else if (e != null) {
                order.addLast(oldest);
            }
        }
        forgetIndexed();
    }

    /** Forgets the payments waiting to leave that the index has now passed. */
    void forgetIndexed() {
        long indexed = indexedRecords.getAsLong();
        while (!leaving.isEmpty() && leaving.peekFirst().journalRecords() <= indexed) {
            Leaving gone = leaving.pollFirst();
            entries.remove(gone.id());
            forgottenThrough = Math.max(forgottenThrough, gone.journalRecords());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
