package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.risk.journal.IndexedPayment;
import dev.farthing.risk.journal.JournalPosition;
import dev.farthing.risk.journal.JournalScan;
import dev.farthing.risk.journal.PaymentIndex;
import dev.farthing.risk.journal.RiskJournal;
import dev.farthing.risk.journal.RiskRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Durable idempotency: keeps the {@link PaymentIndex} level with the risk journal, so a payment id answers with
 * its original decision after the in-memory book has forgotten it, across restarts.
 *
 * <p>Start: an index whose position no longer matches the journal (missing, ahead, or about another journal) is
 * deleted; replay folds every record past the index's position into it ({@link #replayed}); a divergence found
 * only during the scan (a record boundary not where the index says) rebuilds it with a second, fold-only scan.
 * Live: each journal commit hands its records, after the fsync, to the indexer thread, which folds and writes them
 * (never the decision thread: no I/O there). {@link #indexedRecords} is how far the index is durable-in-RocksDB;
 * the book forgets a settled payment only once the index has passed it.
 */
final class PaymentIndexing implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PaymentIndexing.class.getName());
    private static final int FLUSH_EVERY = 4096;
    private static final int QUEUE_COMMITS = 1024;

    private record Committed(List<RiskRecord> records, JournalPosition after) {
    }

    private final Path dir;
    private final Path journalFile;
    private PaymentIndex index;
    private IndexFold fold;
    private final JournalPosition start;
    private boolean diverged;
    private JournalPosition replayedTo = JournalPosition.START;
    private volatile long indexedRecords;
    private RiskJournal journal;
    private final ArrayBlockingQueue<Committed> queue = new ArrayBlockingQueue<>(QUEUE_COMMITS);
    private volatile boolean stopping;
    private volatile Throwable failure;
    private Thread indexer;
    private final ExecutorService lookups = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("farthing-risk-lookup").daemon(true).unstarted(r));

    private PaymentIndexing(Path dir, Path journalFile) {
        this.dir = dir;
        this.journalFile = journalFile;
        PaymentIndex opened = PaymentIndex.open(dir);
        JournalPosition at = opened.position();
        if (!PaymentIndex.matches(journalFile, at)) {
            LOG.log(System.Logger.Level.WARNING, "payment index {0} is at record {1} of a journal that is not {2}"
                    + " (ahead of it or about another one); rebuilding it from the journal", dir, at.records(), journalFile);
            opened.close();
            PaymentIndex.delete(dir);
            opened = PaymentIndex.open(dir);
            at = JournalPosition.START;
        }
        this.index = opened;
        this.fold = new IndexFold(opened);
        this.start = at;
        this.indexedRecords = at.records();
    }

    /** Opens (creating) the index in {@code dir} for the journal file {@code journalFile}. */
    static PaymentIndexing open(Path dir, Path journalFile) {
        return new PaymentIndexing(dir, journalFile);
    }

    /** Replay's view of each journal record: folds those the index has not seen yet. */
    void replayed(RiskRecord record, JournalPosition after) {
        replayedTo = after;
        if (diverged) {
            return;
        }
        if (after.records() == start.records() && !after.equals(start)) {
            diverged = true; // same count, other bytes: the index describes another history; rebuilt after the scan
            return;
        }
        if (after.records() > start.records()) {
            fold.accept(record);
            if (fold.pendingSize() >= FLUSH_EVERY) {
                flushAt(after);
            }
        }
    }

    /** After replay: writes the tail, or rebuilds when the index turned out not to describe this journal. */
    void finishReplay() {
        if (diverged || replayedTo.records() < start.records()) {
            LOG.log(System.Logger.Level.WARNING, "payment index {0} does not match the journal {1} (indexed {2}"
                    + " records, journal holds {3}); rebuilding it", dir, journalFile, start.records(), replayedTo.records());
            index.close();
            PaymentIndex.delete(dir);
            index = PaymentIndex.open(dir);
            fold = new IndexFold(index);
            indexedRecords = 0;
            JournalScan.scanWithPositions(journalFile, (record, after) -> {
                fold.accept(record);
                if (fold.pendingSize() >= FLUSH_EVERY) {
                    flushAt(after);
                }
            });
        }
        if (replayedTo.records() > indexedRecords) {
            flushAt(replayedTo);
        }
    }

    private void flushAt(JournalPosition after) {
        fold.flush(after);
        indexedRecords = after.records();
    }

    /** Starts following {@code journal}'s commits on the indexer thread. */
    void follow(RiskJournal journal) {
        this.journal = journal;
        journal.onCommit(this::committed);
        indexer = Thread.ofPlatform().name("farthing-risk-indexer").daemon(true).start(this::run);
    }

    /** On the decision thread, after a commit: hands the records over (waits only when the indexer is far behind). */
    private void committed(List<RiskRecord> records, JournalPosition after) {
        try {
            while (!queue.offer(new Committed(records, after), 100, TimeUnit.MILLISECONDS)) {
                if (failure != null) {
                    return; // the engine stops on the failure; do not wait for a dead indexer
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Committed> batch = new ArrayList<>();
        try {
            while (true) {
                Committed first = queue.poll(20, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (stopping) {
                        return;
                    }
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, 255);
                for (Committed c : batch) {
                    c.records().forEach(fold::accept);
                }
                flushAt(batch.getLast().after());
            }
        } catch (Throwable t) {
            failure = t;
            LOG.log(System.Logger.Level.ERROR, "payment index " + dir + " failed; the risk engine stops", t);
        }
    }

    /** How many journal records the index reflects. Any thread. */
    long indexedRecords() {
        return indexedRecords;
    }

    /** How many records the journal holds (replay: read so far). Decision thread (or replay) only. */
    long appendedRecords() {
        return journal != null ? journal.appendedRecords() : replayedTo.records();
    }

    /** A lookup as the decision thread needs it: the watermark read first, so a miss is complete up to it. Any thread. */
    Command.Prior lookup(String paymentId) {
        long watermark = indexedRecords;
        return new Command.Prior(watermark, index.get(paymentId));
    }

    IndexedPayment get(String paymentId) {
        return index.get(paymentId);
    }

    /** Looks {@code cmd}'s id up again off the decision thread and hands it back through {@code resubmit}. */
    void lookUpAgain(Command.Submit cmd, java.util.function.Consumer<Command> resubmit) {
        lookups.execute(() -> {
            Command.Prior prior;
            try {
                prior = lookup(cmd.payment().id());
            } catch (RuntimeException e) {
                cmd.waiter().future().completeExceptionally(new RiskRefusal(PaymentError.UNAVAILABLE,
                        "the payment index could not be read: " + e.getMessage()));
                return;
            }
            resubmit.accept(new Command.Submit(cmd.payment(), cmd.fingerprint(), cmd.waiter(), prior));
        });
    }

    Throwable failure() {
        return failure;
    }

    /** Folds what the journal committed until now, then closes the index. Call after the journal's last commit. */
    @Override
    public void close() {
        stopping = true;
        lookups.shutdownNow();
        if (indexer != null) {
            try {
                indexer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        index.close();
    }
}
