package dev.farthing.ledger.state;

import dev.farthing.ledger.model.TransferView;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Transfers written since the on-disk index last caught up. Lookups check here before the index, so the
 * writer never needs the index to be current; entries leave once the indexer's watermark passes them,
 * which keeps memory proportional to the index lag, not to history.
 */
public final class RecentTransfers {
    private final Map<String, TransferView> byId = new HashMap<>();
    private final ArrayDeque<TransferView> byChange = new ArrayDeque<>();

    static long changedAt(TransferView v) {
        return v.resolvedAt() != 0 ? v.resolvedAt() : v.timestamp();
    }

    public TransferView get(String id) {
        return byId.get(id);
    }

    void put(TransferView v) {
        assert byChange.isEmpty() || changedAt(byChange.peekLast()) < changedAt(v) : "changes out of order";
        byId.put(v.id(), v);
        byChange.addLast(v);
    }

    void forget(TransferView v) {
        if (byId.get(v.id()) == v) {
            byId.remove(v.id());
        }
    }

    /** Drops entries the index holds: everything changed at or before {@code indexedUpTo}. */
    public void evictUpTo(long indexedUpTo) {
        while (!byChange.isEmpty() && changedAt(byChange.peekFirst()) <= indexedUpTo) {
            TransferView v = byChange.pollFirst();
            if (byId.get(v.id()) == v) {
                byId.remove(v.id());
            }
        }
    }
}
