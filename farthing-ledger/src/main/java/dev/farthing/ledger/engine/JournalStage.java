package dev.farthing.ledger.engine;

import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.journal.JournalWriter;
import dev.farthing.ledger.snapshot.SnapshotFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Stage 3: group commit. Takes every applied batch waiting, appends each as a journal record, fsyncs once,
 * and only then completes the requests' futures: nothing is acknowledged before it is durable. Snapshots
 * are written (on their own thread) only after the record they summarise is durable.
 */
final class JournalStage implements Runnable {
    private static final int MAX_GROUP = 256;
    private final StageQueue<Batches.Applied> in;
    private final StageQueue<Batches.Committed> out;
    private final JournalWriter writer;
    private final Watermarks marks;
    private final EventTail tail;
    private final Path snapshotDir;
    private final ExecutorService snapshotWriter;
    private final Engine engine;

    JournalStage(StageQueue<Batches.Applied> in, StageQueue<Batches.Committed> out, JournalWriter writer,
                 Watermarks marks, EventTail tail, Path snapshotDir, ExecutorService snapshotWriter, Engine engine) {
        this.in = in;
        this.out = out;
        this.writer = writer;
        this.marks = marks;
        this.tail = tail;
        this.snapshotDir = snapshotDir;
        this.snapshotWriter = snapshotWriter;
        this.engine = engine;
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
                if (commit(group)) {
                    out.put(Batches.Committed.END);
                    return;
                }
            }
        } catch (Throwable t) {
            engine.fail("journal", t);
        }
    }

    /** Commits a group; returns true when it ended with the end-of-stream marker. */
    private boolean commit(List<Batches.Applied> group) {
        List<List<LedgerEvent>> committed = new ArrayList<>();
        List<EventTail.Batch> durable = new ArrayList<>(group.size());
        List<Runnable> snapshots = new ArrayList<>(0);
        boolean last = false;
        long batchTime = marks.committedTimestamp;
        for (Batches.Applied batch : group) {
            last |= batch.last();
            if (!batch.events().isEmpty()) {
                long sequence = writer.append(batch.events(), batch.batchTime());
                if (sequence != batch.sequence()) {
                    throw new IllegalStateException("journal sequence " + sequence + " != applied " + batch.sequence());
                }
                committed.add(batch.events());
                durable.add(new EventTail.Batch(sequence, batch.batchTime(), batch.events()));
                batchTime = batch.batchTime();
            }
            if (batch.snapshotState() != null) {
                snapshots.add(snapshotJob(batch));
            }
        }
        writer.commit();
        marks.committedSequence = writer.lastSequence();
        marks.committedTimestamp = batchTime;
        tail.publish(durable);
        for (Batches.Applied batch : group) {
            completeAll(batch);
        }
        snapshots.forEach(snapshotWriter::execute);
        if (!committed.isEmpty()) {
            out.put(new Batches.Committed(committed, writer.lastSequence(), batchTime, false));
        }
        return last;
    }

    private Runnable snapshotJob(Batches.Applied batch) {
        if (writer.lastSequence() != batch.snapshotSequence()) {
            throw new IllegalStateException("snapshot for batch " + batch.snapshotSequence()
                    + " taken at journal batch " + writer.lastSequence());
        }
        byte[] hash = writer.lastHash();
        return () -> {
            try {
                Path file = SnapshotFile.write(snapshotDir, batch.snapshotSequence(), hash, batch.snapshotState());
                batch.snapshotWaiters().forEach(w -> w.future().complete(file.getFileName().toString()));
            } catch (RuntimeException e) {
                batch.snapshotWaiters().forEach(w -> w.future().completeExceptionally(e));
                engine.snapshotFailed(e);
            }
        };
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
}
