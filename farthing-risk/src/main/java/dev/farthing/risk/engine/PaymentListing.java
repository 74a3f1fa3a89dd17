package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Pages of the payments the engine holds in memory, in id order after a cursor id, optionally of one status.
 * Memory holds every payment still pending on the ledger or held, and the newest settled ones up to the memory
 * bound; older settled payments answer by id only. One page costs one pass over the book (bounded by
 * {@code maxPayments}) keeping the {@code limit} smallest ids, off the decision thread.
 */
final class PaymentListing {
    private PaymentListing() {
    }

    /** Up to {@code limit} payments with ids after {@code afterId} (all when null) and {@code status} (any when null). */
    static List<PaymentResult> page(PaymentBook book, PaymentStatus status, String afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        // The largest kept id on top, so it is the one dropped when a smaller id turns up.
        PriorityQueue<PaymentResult> smallest = new PriorityQueue<>(limit + 1,
                Comparator.comparing(PaymentResult::id).reversed());
        for (BookEntry e : book.all()) {
            PaymentResult r = e.result;
            if ((status != null && r.status() != status) || (afterId != null && r.id().compareTo(afterId) <= 0)) {
                continue;
            }
            if (smallest.size() < limit) {
                smallest.add(r);
            } else if (r.id().compareTo(smallest.peek().id()) < 0) {
                smallest.poll();
                smallest.add(r);
            }
        }
        List<PaymentResult> page = new ArrayList<>(smallest);
        page.sort(Comparator.comparing(PaymentResult::id));
        return page;
    }
}
