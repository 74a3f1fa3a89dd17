package dev.farthing.ledger.engine;

import dev.farthing.ledger.index.IdFilter;
import dev.farthing.ledger.index.TransferIndex;
import dev.farthing.ledger.model.TransferView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Stage 1: gathers requests into a batch and reads from the on-disk index every transfer the batch
 * names, so the writer never touches the disk. Also emits an empty "tick" batch when idle, so holds
 * expire on time without traffic, and holds back while the indexer lags too far (bounded memory).
 */
final class PrefetchStage implements Runnable {
    private static final long TICK_MS = 100;
    private final StageQueue<Request> intake;
    private final StageQueue<Batches.Prefetched> out;
    private final TransferIndex index;
    private final Watermarks marks;
    private final int maxBatchWeight;
    private final long maxIndexLagBatches;
    private final Engine engine;
    /** Every id this stage has seen since start; once {@code history} is merged in, every id the index can hold. */
    private final IdFilter seen = new IdFilter();
    /** The ids indexed before start, read on another thread at start-up; null once merged. */
    private CompletableFuture<IdFilter> history;

    PrefetchStage(StageQueue<Request> intake, StageQueue<Batches.Prefetched> out, TransferIndex index,
                  Watermarks marks, int maxBatchWeight, long maxIndexLagBatches, CompletableFuture<IdFilter> history,
                  Engine engine) {
        this.intake = intake;
        this.out = out;
        this.index = index;
        this.marks = marks;
        this.maxBatchWeight = maxBatchWeight;
        this.maxIndexLagBatches = maxIndexLagBatches;
        this.history = history;
        this.engine = engine;
    }

    @Override
    public void run() {
        try {
            while (true) {
                Request first = intake.poll(TICK_MS);
                if (first == null && engine.isStopping()) {
                    out.put(Batches.Prefetched.END);
                    return;
                }
                List<Request> batch = gather(first);
                awaitIndexer();
                long indexedUpTo = marks.indexedTimestamp; // read before the lookups: see RecentTransfers
                out.put(new Batches.Prefetched(batch, lookups(batch), indexedUpTo, false));
            }
        } catch (Throwable t) {
            engine.fail("prefetch", t);
        }
    }

    private List<Request> gather(Request first) {
        List<Request> batch = new ArrayList<>();
        if (first == null) {
            return batch; // tick
        }
        batch.add(first);
        int weight = first.weight();
        Request next;
        while ((next = intake.peek()) != null && weight + next.weight() <= maxBatchWeight) {
            batch.add(intake.poll());
            weight += next.weight();
        }
        return batch;
    }

    /**
     * Reads the batch's ids from the index, except those the filter proves were never seen: a new transfer id (the
     * common case) then costs a few hashed probes instead of a disk lookup. Until the start-up filter of indexed ids
     * is ready, every id is looked up.
     */
    private Map<String, TransferView> lookups(List<Request> batch) {
        if (history != null && history.isDone() && !history.isCompletedExceptionally()) {
            seen.or(history.join());
            history = null;
        }
        boolean proving = history == null;
        List<String> keys = new ArrayList<>();
        for (Request r : batch) {
            for (String id : r.indexKeys()) {
                if (!proving || seen.mightContain(id)) {
                    keys.add(id);
                }
                seen.add(id);
            }
        }
        return index.getAll(keys);
    }

    private void awaitIndexer() {
        while (marks.appliedSequence - marks.indexedSequence > maxIndexLagBatches && !engine.isFailed()) {
            LockSupport.parkNanos(100_000);
        }
    }
}
