package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.index.TransferIndex;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.Page;
import dev.farthing.ledger.model.TransferView;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Pages of an account's transfers, newest first, read straight from the index. It first waits until the
 * index holds everything durable at the time of the call, so a client always sees its own writes.
 * The cursor is the creation timestamp of the last transfer returned.
 */
final class AccountListing {
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private final TransferIndex index;
    private final Watermarks marks;
    private final Engine engine;

    AccountListing(TransferIndex index, Watermarks marks, Engine engine) {
        this.index = index;
        this.marks = marks;
        this.engine = engine;
    }

    Outcome<Page<TransferView>> page(String accountId, int limit, String cursor) {
        if (limit < 1 || limit > Ledger.MAX_PAGE) {
            return Outcome.fail(ErrorCode.INVALID_REQUEST, "limit must be 1.." + Ledger.MAX_PAGE);
        }
        long before = Long.MAX_VALUE;
        if (cursor != null && !cursor.isEmpty()) {
            before = parseCursor(cursor);
            if (before <= 0) {
                return Outcome.fail(ErrorCode.INVALID_REQUEST, "cursor is not one this ledger issued");
            }
        }
        if (!awaitIndexed(marks.committedSequence)) {
            return Outcome.fail(ErrorCode.UNAVAILABLE, "the index is behind; retry shortly");
        }
        List<TransferView> found = index.listAccount(accountId, before, limit + 1);
        String next = null;
        if (found.size() > limit) {
            found = found.subList(0, limit);
            next = Long.toString(found.getLast().timestamp());
        }
        return Outcome.ok(new Page<>(found, next));
    }

    private static long parseCursor(String cursor) {
        if (cursor.length() > 19) {
            return -1;
        }
        for (int i = 0; i < cursor.length(); i++) {
            if (cursor.charAt(i) < '0' || cursor.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }

    private boolean awaitIndexed(long sequence) {
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        while (marks.indexedSequence < sequence) {
            if (engine.isFailed() || System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(200_000);
        }
        return true;
    }
}
