package dev.farthing.ledger.engine;

import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.state.CommandProcessor;
import dev.farthing.ledger.state.LedgerState;
import dev.farthing.ledger.state.RecentTransfers;
import dev.farthing.ledger.state.SnapshotCodec;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stage 2, the single writer: the only thread that reads or changes ledger state. No locks, no I/O:
 * it executes a batch, checks conservation, and hands events and results on to the journal.
 */
final class ApplyStage implements Runnable {
    private static final long FULL_RECONCILE_EVERY_BATCHES = 1024;
    private final StageQueue<Batches.Prefetched> in;
    private final StageQueue<Batches.Applied> out;
    private final LedgerState state;
    private final RecentTransfers recent;
    private final CommandProcessor processor;
    private final Watermarks marks;
    private final Breaker breaker;
    private final Clock clock;
    private final long snapshotEveryBatches;
    /** Batches vary from 1 to 16,384 transfers, so replay is also bounded by events, not only batches. */
    private final long snapshotEveryEvents;
    private final Engine engine;
    private final SplittableRandom sampler = new SplittableRandom();
    private long sequence;
    private long lastEventTimestamp;
    private long lastSnapshotSequence;
    private long eventsSinceSnapshot;
    private long batches;

    ApplyStage(StageQueue<Batches.Prefetched> in, StageQueue<Batches.Applied> out, LedgerState state,
               RecentTransfers recent, Watermarks marks, Breaker breaker, Clock clock, long snapshotEveryBatches,
               long snapshotEveryEvents, long startSequence, Engine engine) {
        this.in = in;
        this.out = out;
        this.state = state;
        this.recent = recent;
        this.processor = new CommandProcessor(state, recent, breaker::isOpen);
        this.marks = marks;
        this.breaker = breaker;
        this.clock = clock;
        this.snapshotEveryBatches = snapshotEveryBatches;
        this.snapshotEveryEvents = snapshotEveryEvents;
        this.sequence = startSequence;
        this.lastSnapshotSequence = startSequence;
        this.lastEventTimestamp = state.lastTimestamp();
        this.engine = engine;
    }

    @Override
    public void run() {
        try {
            while (true) {
                Batches.Prefetched batch = in.poll(1000);
                if (batch == null) {
                    continue;
                }
                if (batch.last()) {
                    out.put(Batches.Applied.END);
                    return;
                }
                out.put(apply(batch));
            }
        } catch (Throwable t) {
            engine.fail("apply", t);
        }
    }

    private Batches.Applied apply(Batches.Prefetched batch) {
        recent.evictUpTo(batch.indexedUpTo());
        Instant now = clock.instant();
        processor.beginBatch(now.getEpochSecond() * 1_000_000_000L + now.getNano(), batch.indexHits());
        processor.expireDue();
        List<Request> requests = batch.requests();
        Object[] results = new Object[requests.size()];
        List<Request.Snapshot> snapshotWaiters = new ArrayList<>(0);
        for (int i = 0; i < requests.size(); i++) {
            results[i] = execute(requests.get(i), snapshotWaiters);
        }
        List<LedgerEvent> events = processor.drainEvents();
        long batchSequence = 0;
        if (!events.isEmpty()) {
            eventsSinceSnapshot += events.size();
            batchSequence = ++sequence;
            lastEventTimestamp = events.getLast().timestamp();
        }
        reconcile();
        publish();
        byte[] snapshot = null;
        boolean due = sequence - lastSnapshotSequence >= snapshotEveryBatches
                || eventsSinceSnapshot >= snapshotEveryEvents;
        if (!snapshotWaiters.isEmpty() || due) {
            snapshot = SnapshotCodec.encode(state);
            lastSnapshotSequence = sequence;
            eventsSinceSnapshot = 0;
        }
        return new Batches.Applied(batchSequence, lastEventTimestamp, events, requests, results, snapshot, sequence,
                snapshotWaiters, false);
    }

    private Object execute(Request r, List<Request.Snapshot> snapshotWaiters) {
        return switch (r) {
            case Request.Snapshot s -> {
                snapshotWaiters.add(s);
                yield Batches.DEFERRED;
            }
            case Request.Probe p -> probe(p);
            default -> r.execute(processor);
        };
    }

    /** Balances of sampled (or named) accounts, as of the last event emitted so far. */
    private Request.ProbeResult probe(Request.Probe p) {
        List<String> ids = new ArrayList<>(p.accountIds());
        List<String> all = state.accountIds();
        for (int i = 0; i < p.sampleSize() && !all.isEmpty(); i++) {
            ids.add(all.get(sampler.nextInt(all.size())));
        }
        List<AccountView> views = new ArrayList<>(ids.size());
        for (String id : ids) {
            views.add(state.accountView(id));
        }
        return new Request.ProbeResult(views, processor.lastEventTimestamp(lastEventTimestamp));
    }

    /** Cheap check every batch, full recomputation periodically; a breach trips the breaker. */
    private void reconcile() {
        batches++;
        String discrepancy = state.checkTotals();
        if (discrepancy == null && batches % FULL_RECONCILE_EVERY_BATCHES == 0) {
            discrepancy = state.reconcileAccounts();
        }
        if (discrepancy != null) {
            breaker.trip(discrepancy);
        }
    }

    private void publish() {
        marks.appliedSequence = sequence;
        marks.accounts = state.accountCount();
        marks.pendingHolds = state.pendingCount();
        marks.transfersCommitted = state.transfersCommitted();
    }
}
