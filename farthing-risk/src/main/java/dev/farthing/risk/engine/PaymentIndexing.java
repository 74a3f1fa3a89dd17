package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.risk.journal.IndexedPayment;
import dev.farthing.risk.journal.JournalPosition;
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
    private final RiskJournal journal;
    private PaymentIndex index;
    private IndexFold fold;
    private final JournalPosition start;
    private boolean diverged;
    private JournalPosition replayedTo;
    private volatile long indexedRecords;
    /** The position of the last write to the index (durable once RocksDB has flushed it). */
    private volatile JournalPosition indexedTo;
    private final ArrayBlockingQueue<Committed> queue = new ArrayBlockingQueue<>(QUEUE_COMMITS);
    private volatile boolean stopping;
    private volatile Throwable failure;
    private Thread indexer;
    private final ExecutorService lookups = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("farthing-risk-lookup").daemon(true).unstarted(r));

    private PaymentIndexing(Path dir, RiskJournal journal) {
        this.dir = dir;
        this.journal = journal;
        PaymentIndex opened = PaymentIndex.open(dir);
        JournalPosition at = opened.position();
        if (at.records() > 0 && at.endOffset() > journal.endOffset()) {
            LOG.log(System.Logger.Level.WARNING, "payment index {0} is at record {1}, ahead of the journal {2} (about"
                    + " another one); rebuilding it from the journal", dir, at.records(), journal.directory());
            opened.close();
            PaymentIndex.delete(dir);
            opened = PaymentIndex.open(dir);
            at = JournalPosition.START;
        }
        if (at.records() == 0 ? !journal.holdsEverything() : at.endOffset() < journal.startOffset()) {
            opened.close();
            throw new IllegalStateException(cannotCatchUp(at));
        }
        this.index = opened;
        this.fold = new IndexFold(opened);
        this.start = at;
        this.replayedTo = at;
        this.indexedTo = at;
        this.indexedRecords = at.records();
    }

    private String cannotCatchUp(JournalPosition at) {
        return "the payment index " + dir + " is " + (at.records() == 0 ? "missing or empty" : "at log offset "
                + at.endOffset()) + ", but the risk journal " + journal.directory() + " was compacted and starts at log"
                + " offset " + journal.startOffset() + ": the index cannot be rebuilt from it. Restore " + dir
                + " from the backup of this data directory (the index is flushed before every compaction)";
    }

    /** Opens (creating) the index in {@code dir} for {@code journal} (opened, not yet replayed). */
    static PaymentIndexing open(Path dir, RiskJournal journal) {
        return new PaymentIndexing(dir, journal);
    }

    /** Where the index stands: replay must start there or earlier for it to catch up. */
    JournalPosition start() {
        return start;
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
                    + " records, journal holds {3}); rebuilding it", dir, journal.directory(), start.records(),
                    replayedTo.records());
            if (!journal.holdsEverything()) {
                throw new IllegalStateException(cannotCatchUp(start));
            }
            index.close();
            PaymentIndex.delete(dir);
            index = PaymentIndex.open(dir);
            fold = new IndexFold(index);
            indexedRecords = 0;
            journal.replay(JournalPosition.START, (record, after) -> {
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
        indexedTo = after;
        indexedRecords = after.records();
    }

    /** Starts the indexer thread, which folds each durable commit handed over by {@link #committed}. */
    void follow() {
        indexer = Thread.ofPlatform().name("farthing-risk-indexer").daemon(true).start(this::run);
    }

    /**
     * Decision thread, once a commit is durable: hands its records over (waits only when the indexer is far behind).
     */
    void committed(List<RiskRecord> records, JournalPosition after) {
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

    /**
     * Flushes RocksDB (any thread) and returns the position the index is now durable at: compaction never deletes
     * records the index may still need after a crash (its write-ahead log is off).
     */
    JournalPosition flushDurable() {
        JournalPosition at = indexedTo;
        index.flush();
        return at;
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
        return Math.max(journal.appendedRecords(), replayedTo.records());
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
            resubmit.accept(new Command.Submit(cmd.payment(), cmd.fingerprint(), cmd.waiter(), prior, cmd.submittedBy()));
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
