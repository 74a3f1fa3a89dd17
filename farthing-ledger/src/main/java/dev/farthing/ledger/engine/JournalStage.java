package dev.farthing.ledger.engine;

import dev.farthing.ledger.journal.BatchEncoder;
import dev.farthing.ledger.journal.LedgerLog;
import dev.farthing.ledger.model.LedgerEvent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * Stage 3: the journal. Encodes every applied batch waiting (hash chain included) and hands each to the record
 * log's group commit as one atomic batch, then goes on to the next group without waiting: the log writes one
 * group while it fsyncs the one before. A group's requests are completed, in order, only once every batch appended
 * up to it is durable (on the log's sync thread, or here when that was already so): nothing is acknowledged before
 * it is durable, lookups included, since they may have read state of batches still in flight. At most
 * {@link #MAX_IN_FLIGHT} batches wait for their fsync. Snapshots are written (on their own thread) only after the
 * batch they summarise is durable, tied to the log position just after it.
 */
final class JournalStage implements Runnable {
    private static final int MAX_GROUP = 256;
    static final int MAX_IN_FLIGHT = 256;
    private final StageQueue<Batches.Applied> in;
    private final StageQueue<Batches.Committed> out;
    private final LedgerLog log;
    private final BatchEncoder encoder;
    private final Watermarks marks;
    private final EventTail tail;
    private final ExecutorService snapshotWriter;
    private final Engine engine;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    /** Completes when the previous group's requests have been completed: groups complete in order. */
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
    /** The positions of the last batch appended (null before the first): a snapshot is tied to its end. */
    private CompletableFuture<long[]> lastAppended;
    /** The journal's end when this stage started: where a snapshot taken before any append is tied. */
    private final long recoveredEnd;

    JournalStage(StageQueue<Batches.Applied> in, StageQueue<Batches.Committed> out, LedgerLog log, BatchEncoder encoder,
                 Watermarks marks, EventTail tail, ExecutorService snapshotWriter, Engine engine) {
        this.in = in;
        this.out = out;
        this.log = log;
        this.encoder = encoder;
        this.marks = marks;
        this.tail = tail;
        this.snapshotWriter = snapshotWriter;
        this.engine = engine;
        this.recoveredEnd = log.endPosition();
    }

    @Override
    public void run() {
        List<Batches.Applied> group = new ArrayList<>(MAX_GROUP);
        try {
            while (true) {
                group.clear();
                if (in.takeSome(group, MAX_GROUP, 1000) == 0) {
                    continue;
                }
                if (commit(List.copyOf(group))) {
                    previous.join();
                    out.put(Batches.Committed.END);
                    return;
                }
            }
        } catch (Throwable t) {
            engine.fail("journal", t);
        }
    }

    /** A snapshot to write once durable: its state, chain hash, and the frames of the batch it ends with. */
    private record PendingSnapshot(Batches.Applied batch, byte[] chainHash, CompletableFuture<long[]> endsWith) {
    }

    /** Appends a group and arranges its completion; returns true when it ended with the end-of-stream marker. */
    private boolean commit(List<Batches.Applied> group) throws InterruptedException {
        List<List<LedgerEvent>> committed = new ArrayList<>();
        List<EventTail.Batch> durable = new ArrayList<>(group.size());
        List<PendingSnapshot> snapshots = new ArrayList<>(0);
        List<CompletableFuture<?>> waits = new ArrayList<>(group.size() + 1);
        waits.add(previous);
        boolean last = false;
        long batchTime = 0;
        for (Batches.Applied batch : group) {
            last |= batch.last();
            if (!batch.events().isEmpty()) {
                inFlight.acquire();
                BatchEncoder.Encoded encoded = encoder.encode(batch.events(), batch.batchTime());
                if (encoded.sequence() != batch.sequence()) {
                    throw new IllegalStateException("journal sequence " + encoded.sequence() + " != applied " + batch.sequence());
                }
                lastAppended = log.append(encoded);
                waits.add(lastAppended);
                committed.add(batch.events());
                durable.add(new EventTail.Batch(encoded.sequence(), batch.batchTime(), batch.events()));
                batchTime = batch.batchTime();
            }
            if (batch.snapshotState() != null) {
                if (encoder.lastSequence() != batch.snapshotSequence()) {
                    throw new IllegalStateException("snapshot for batch " + batch.snapshotSequence()
                            + " taken at journal batch " + encoder.lastSequence());
                }
                snapshots.add(new PendingSnapshot(batch, encoder.lastHash(), lastAppended));
            }
        }
        long sequence = encoder.lastSequence();
        long time = committed.isEmpty() ? -1 : batchTime;
        int permits = committed.size();
        previous = CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).handle((ok, failed) -> {
            try {
                if (failed != null) {
                    failAll(group, failed);
                    engine.fail("journal", failed);
                    return null;
                }
                complete(group, committed, durable, snapshots, sequence, time);
            } catch (Throwable t) {
                engine.fail("journal", t);
            } finally {
                inFlight.release(permits);
            }
            return null;
        });
        return last;
    }

    /** Runs once every batch up to this group is durable, in group order. */
    private void complete(List<Batches.Applied> group, List<List<LedgerEvent>> committed, List<EventTail.Batch> durable,
                          List<PendingSnapshot> snapshots, long sequence, long batchTime) {
        if (!committed.isEmpty()) {
            marks.committedSequence = sequence;
            marks.committedTimestamp = batchTime;
            tail.publish(durable);
        }
        for (Batches.Applied batch : group) {
            completeAll(batch);
        }
        for (PendingSnapshot s : snapshots) {
            snapshotWriter.execute(snapshotJob(s));
        }
        if (!committed.isEmpty()) {
            out.put(new Batches.Committed(committed, sequence, batchTime, false));
        }
    }

    private Runnable snapshotJob(PendingSnapshot s) {
        Batches.Applied batch = s.batch();
        return () -> {
            try {
                long position = s.endsWith() == null ? recoveredEnd : log.positionAfter(lastFrame(s.endsWith().join()));
                Path file = log.writeSnapshot(position, batch.snapshotSequence(), s.chainHash(), batch.snapshotState());
                batch.snapshotWaiters().forEach(w -> w.future().complete(file.getFileName().toString()));
            } catch (RuntimeException e) {
                batch.snapshotWaiters().forEach(w -> w.future().completeExceptionally(e));
                engine.snapshotFailed(e);
            }
        };
    }

    private static long lastFrame(long[] positions) {
        return positions[positions.length - 1];
    }

    private static void completeAll(Batches.Applied batch) {
        List<Request> requests = batch.requests();
        Object[] results = batch.results();
        for (int i = 0; i < requests.size(); i++) {
            if (results[i] != Batches.DEFERRED) {
                requests.get(i).complete(results[i]);
            }
        }
    }

    /** The journal failed under these requests: they were never durable, so they are failed, not answered. */
    private static void failAll(List<Batches.Applied> group, Throwable cause) {
        for (Batches.Applied batch : group) {
            for (Request r : batch.requests()) {
                r.future().completeExceptionally(new IllegalStateException("the ledger journal failed", cause));
            }
            batch.snapshotWaiters().forEach(w -> w.future().completeExceptionally(cause));
        }
    }
}
