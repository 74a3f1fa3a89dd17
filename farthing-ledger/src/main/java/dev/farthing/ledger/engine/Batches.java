package dev.farthing.ledger.engine;

import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.TransferView;

import java.util.List;
import java.util.Map;

/** What travels between pipeline stages. */
final class Batches {
    private Batches() {
    }

    /** Requests with their index hits, read when the index held everything up to {@code indexedUpTo}. */
    record Prefetched(List<Request> requests, Map<String, TransferView> indexHits, long indexedUpTo, boolean last) {
        static final Prefetched END = new Prefetched(List.of(), Map.of(), 0, true);
    }

    /**
     * Executed requests and the events to journal as record {@code sequence} (0 when there are none).
     * {@code snapshotState} is non-null when a snapshot of the state after this batch was encoded.
     */
    record Applied(long sequence, long batchTime, List<LedgerEvent> events, List<Request> requests,
                   Object[] results, byte[] snapshotState, long snapshotSequence, List<Request.Snapshot> snapshotWaiters,
                   boolean last) {
        static final Applied END = new Applied(0, 0, List.of(), List.of(), new Object[0], null, 0, List.of(), true);
    }

    /** Durable events, one list per journal batch, for the indexer. */
    record Committed(List<List<LedgerEvent>> batches, long sequence, long timestamp, boolean last) {
        static final Committed END = new Committed(List.of(), 0, 0, true);
    }

    /** Marks a result that is completed later (a snapshot, once its file is written). */
    static final Object DEFERRED = new Object();
}
