package dev.farthing.risk.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Review items by payment id. Written only by the risk engine's decision thread (live and during replay),
 * read from any thread. Bounded: once {@code maxItems} are kept, the oldest resolved items are dropped
 * (their outcome stays in the journal); open items are never dropped.
 */
public final class ReviewQueue {
    private final ConcurrentHashMap<String, ReviewItem> items = new ConcurrentHashMap<>();
    private final java.util.ArrayDeque<String> order = new java.util.ArrayDeque<>();
    private final int maxItems;

    public ReviewQueue(int maxItems) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be positive");
        }
        this.maxItems = maxItems;
    }

    public void open(ReviewItem item) {
        if (item.status() != ReviewStatus.OPEN) {
            throw new IllegalArgumentException("a new review item must be open");
        }
        if (items.putIfAbsent(item.paymentId(), item) != null) {
            throw new IllegalStateException("review " + item.paymentId() + " already exists");
        }
        order.addLast(item.paymentId());
        evictResolved();
    }

    public void resolve(String paymentId, ReviewStatus outcome, FraudLabel label, long at) {
        ReviewItem item = items.get(paymentId);
        if (item == null) {
            throw new IllegalStateException("no review for payment " + paymentId);
        }
        items.put(paymentId, item.resolve(outcome, label, at));
    }

    public Optional<ReviewItem> get(String paymentId) {
        return Optional.ofNullable(items.get(paymentId));
    }

    /** Items with {@code status} (all when null), oldest first, at most {@code limit}. */
    public List<ReviewItem> list(ReviewStatus status, int limit) {
        List<ReviewItem> out = new ArrayList<>();
        for (ReviewItem i : items.values()) {
            if (status == null || i.status() == status) {
                out.add(i);
            }
        }
        out.sort(Comparator.comparingLong(ReviewItem::openedAt).thenComparing(ReviewItem::paymentId));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** Every item in the order the queue keeps them (its eviction order), for a snapshot. */
    public List<ReviewItem> inOrder() {
        List<ReviewItem> out = new ArrayList<>(order.size());
        for (String id : order) {
            ReviewItem item = items.get(id);
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    /** Puts back an item of a snapshot, open or resolved, after those restored before it. */
    public void restore(ReviewItem item) {
        if (items.putIfAbsent(item.paymentId(), item) != null) {
            throw new IllegalStateException("review " + item.paymentId() + " already exists");
        }
        order.addLast(item.paymentId());
    }

    public int size() {
        return items.size();
    }

    private void evictResolved() {
        int scanned = 0;
        while (items.size() > maxItems && scanned++ < order.size()) {
            String oldest = order.pollFirst();
            ReviewItem item = items.get(oldest);
            if (item != null && item.status() != ReviewStatus.OPEN) {
                items.remove(oldest);
            } else if (item != null) {
                order.addLast(oldest);
            }
        }
    }
}
