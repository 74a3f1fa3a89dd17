package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.risk.journal.IndexedPayment;
import dev.farthing.risk.journal.JournalPosition;
import dev.farthing.risk.journal.RiskJournal;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.LabelSource;
import dev.farthing.risk.review.LabelStore;
import dev.farthing.risk.review.ReviewItem;
import dev.farthing.risk.review.ReviewQueue;
import dev.farthing.risk.review.ReviewStatus;
import dev.farthing.risk.review.TrainingLabel;
import dev.farthing.risk.review.Verdict;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Real-time payment decisions on a {@link Ledger}. One thread decides (features, model, policy through the
 * {@link Assessor}), journals each decision durably in {@code dir}, then moves the money: approved posts the
 * payment and its fee atomically; challenged and held place the same legs as holds; declined moves nothing.
 * Every method is safe from any thread; futures fail with {@link RiskRefusal} for refusals.
 *
 * <p>On open, the journal is replayed: idempotency, holds, reviews, labels and feature state come back, and
 * decisions the ledger never confirmed are sent again (idempotently: ledger ids derive from payment ids).
 * Idempotency outlives the memory bound: a payment id the in-memory book forgot answers from the payment index
 * in {@code dir/index} (derived from the journal, rebuilt from it when missing or out of step).
 */
public final class RiskEngine implements AutoCloseable {
    private final EngineState state;
    private final DecisionLoop loop;
    private final Thread thread;
    private final PaymentPreconditions preconditions;
    /** The journal record count of the snapshot this engine started from; -1 when it replayed the whole journal. */
    private long restoredFromRecords;

    private RiskEngine(EngineState state, DecisionLoop loop) {
        this.state = state;
        this.loop = loop;
        this.preconditions = new PaymentPreconditions(state.ledger);
        this.thread = Thread.ofPlatform().name("farthing-risk-decider").daemon(true).unstarted(loop);
    }

    public static RiskEngine open(Ledger ledger, Path dir, Assessor assessor, RiskEngineConfig config) {
        return open(ledger, dir, assessor, config, DecisionObserver.NONE);
    }

    public static RiskEngine open(Ledger ledger, Path dir, Assessor assessor, RiskEngineConfig config,
                                  DecisionObserver observer) {
        return open(ledger, dir, assessor, config, observer, true);
    }

    /** {@code fromSnapshot} false replays the whole journal (tests compare both ways of starting). */
    static RiskEngine open(Ledger ledger, Path dir, Assessor assessor, RiskEngineConfig config,
                           DecisionObserver observer, boolean fromSnapshot) {
        Objects.requireNonNull(ledger, "ledger");
        byte[] unrestored = fromSnapshot && assessor.keepsState() ? assessor.saveState() : null;
        try {
            return openOnce(ledger, dir, assessor, config, observer, fromSnapshot);
        } catch (Replay.SnapshotMismatch e) {
            if (unrestored != null) {
                assessor.restoreState(unrestored); // forget the snapshot's state before replaying everything
            }
            System.getLogger(RiskEngine.class.getName()).log(System.Logger.Level.WARNING,
                    "risk snapshots in {0} do not match the journal ({1}); deleting them and replaying the journal",
                    dir, e.getMessage());
            deleteSnapshots(dir);
            return openOnce(ledger, dir, assessor, config, observer, false);
        }
    }

    private static RiskEngine openOnce(Ledger ledger, Path dir, Assessor assessor, RiskEngineConfig config,
                                       DecisionObserver observer, boolean fromSnapshot) {
        RiskJournal journal = RiskJournal.open(dir, config.fsync());
        PaymentIndexing indexing;
        try {
            indexing = PaymentIndexing.open(dir.resolve("index"), journal);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        EngineState s = new EngineState(ledger, assessor,
                new PaymentBook(config.maxPayments(), indexing::appendedRecords, indexing::indexedRecords),
                new ReviewQueue(config.maxReviews()), new LabelStore(config.maxLabels()), config, observer);
        s.journal = journal;
        s.indexing = indexing;
        s.snapshots = new Snapshots(s, config.snapshotEveryRecords());
        PaymentFlow payments = new PaymentFlow(s);
        HoldFlow holds = new HoldFlow(s);
        Replay replay;
        EngineSnapshot.Position restored;
        try {
            long t0 = System.nanoTime();
            restored = fromSnapshot ? s.snapshots.restore().orElse(null) : null;
            long t1 = System.nanoTime();
            replay = new Replay(s, payments, holds, restored);
            // From the start, or from the snapshot; earlier when the index is behind it (it folds what it lacks).
            JournalPosition from = JournalPosition.START;
            if (restored != null) {
                from = new JournalPosition(restored.records(), restored.logOffset(), restored.crc());
                if (indexing.start().records() < from.records()) {
                    from = indexing.start();
                }
            }
            JournalPosition end = journal.replay(from, replay);
            replay.finish(end, journal.endOffset());
            journal.continueAfter(end);
            long t2 = System.nanoTime();
            indexing.finishReplay();
            s.book.forgetIndexed(); // replay may have caught the index up only at its end
            System.getLogger(RiskEngine.class.getName()).log(System.Logger.Level.INFO, "risk engine opened: snapshot"
                    + " restored in {0} ms (record {1}), {2} journal records replayed in {3} ms, index caught up in {4} ms",
                    (t1 - t0) / 1_000_000, restored == null ? 0 : restored.records(), end.records() - from.records(),
                    (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        } catch (RuntimeException | Error e) {
            s.snapshots.close();
            indexing.close();
            journal.close();
            throw e;
        }
        indexing.follow();
        RiskEngine engine = new RiskEngine(s, new DecisionLoop(s, payments, holds, replay.lastAt()));
        engine.restoredFromRecords = restored == null ? -1 : restored.records();
        for (BookEntry e : s.book.all()) {
            if (e.result.status() == PaymentStatus.LEDGER_PENDING) {
                payments.sendLegs(e); // decided before a crash, never confirmed by the ledger: send again
            }
        }
        engine.thread.start();
        return engine;
    }

    /**
     * Decides and, unless declined, moves the money. A repeat of the same id and body returns the first answer.
     * A payment the ledger could never make (an account or currency it does not have, or accounts in another
     * currency) fails with {@link RiskRefusal} ({@code not_found}, {@code unknown_currency},
     * {@code currency_mismatch}, naming the field) before it is decided: nothing is journaled and the id stays free.
     */
    public CompletableFuture<PaymentResult> submit(PaymentRequest payment) {
        return submit(payment, null);
    }

    /**
     * As {@link #submit(PaymentRequest)}, recording {@code submittedBy} (the API key id) with the decision: it is
     * journaled, indexed and shown on the result, so the key that submitted a payment never decides its review.
     */
    public CompletableFuture<PaymentResult> submit(PaymentRequest payment, String submittedBy) {
        CompletableFuture<PaymentResult> f = new CompletableFuture<>();
        long start = System.nanoTime();
        byte[] fingerprint = PaymentBook.fingerprint(dev.farthing.risk.journal.PaymentCodec.bytes(payment));
        Command.Prior prior;
        boolean known;
        try {
            // The index read happens here, on the caller's thread, so the decision thread never waits on disk.
            known = state.book.get(payment.id()) != null;
            prior = known ? null : state.indexing.lookup(payment.id());
        } catch (RuntimeException e) {
            f.completeExceptionally(new RiskRefusal(PaymentError.UNAVAILABLE, "the payment index could not be read: " + e.getMessage()));
            return f;
        }
        if (known || prior.found() != null) {
            // A payment already decided answers as it was decided; its preconditions held then.
            offer(new Command.Submit(payment, fingerprint, new Waiter(f, start, false), prior, submittedBy), f);
            return f;
        }
        preconditions.check(payment).whenComplete((ok, error) -> {
            if (error != null) {
                f.completeExceptionally(error instanceof java.util.concurrent.CompletionException c
                        && c.getCause() != null ? c.getCause() : error);
            } else {
                offer(new Command.Submit(payment, fingerprint, new Waiter(f, start, false), prior, submittedBy), f);
            }
        });
        return f;
    }

    /** Records a step-up outcome for a challenged payment: passed posts its holds, failed voids them. */
    public CompletableFuture<PaymentResult> challenge(String paymentId, boolean passed) {
        CompletableFuture<PaymentResult> f = new CompletableFuture<>();
        if (!refusedAsForgotten(paymentId, true, f)) {
            offer(Command.Resolve.challenge(paymentId, passed, f), f);
        }
        return f;
    }

    /** A reviewer's verdict on a held payment: approve posts, decline voids; the label (may be null) is stored. */
    public CompletableFuture<PaymentResult> review(String paymentId, Verdict verdict, FraudLabel label) {
        Objects.requireNonNull(verdict, "verdict");
        CompletableFuture<PaymentResult> f = new CompletableFuture<>();
        if (!refusedAsForgotten(paymentId, false, f)) {
            offer(Command.Resolve.review(paymentId, verdict, label, f), f);
        }
        return f;
    }

    /** Stores a training label for a known payment. */
    public CompletableFuture<TrainingLabel> label(String paymentId, FraudLabel label, LabelSource source) {
        CompletableFuture<TrainingLabel> f = new CompletableFuture<>();
        boolean indexed = state.book.get(paymentId) == null && lookup(paymentId).isPresent();
        offer(new Command.Label(paymentId, Objects.requireNonNull(label), Objects.requireNonNull(source), indexed, f), f);
        return f;
    }

    /**
     * A payment memory forgot is settled for good, so a challenge or review of it is refused here, from the index,
     * without the decision thread; true when {@code f} was so completed.
     */
    private boolean refusedAsForgotten(String paymentId, boolean challenge, CompletableFuture<PaymentResult> f) {
        if (state.book.get(paymentId) != null) {
            return false;
        }
        IndexedPayment forgotten;
        try {
            forgotten = state.indexing.get(paymentId);
        } catch (RuntimeException e) {
            f.completeExceptionally(new RiskRefusal(PaymentError.UNAVAILABLE, "the payment index could not be read: " + e.getMessage()));
            return true;
        }
        if (forgotten == null || state.book.get(paymentId) != null) {
            return false; // unknown (the loop says not_found), or back in memory: the loop decides
        }
        RiskRefusal refusal = HoldFlow.checkTransition(paymentId, forgotten.result(), false, challenge);
        if (refusal == null) {
            return false; // never forgotten while held; the loop holds the truth
        }
        f.completeExceptionally(refusal);
        return true;
    }

    /** The payment's answer as it stands: from memory, else (a payment the memory bound forgot) from the index. */
    public Optional<PaymentResult> lookup(String paymentId) {
        BookEntry e = state.book.get(paymentId);
        if (e != null) {
            return Optional.of(e.result);
        }
        IndexedPayment indexed = state.indexing.get(paymentId);
        return indexed == null ? Optional.empty() : Optional.of(indexed.result());
    }

    /**
     * Up to {@code limit} payments in id order after {@code afterId} (from the first when null), of {@code status}
     * (any when null), from memory: every payment pending on the ledger or held, and the newest settled ones up to
     * the memory bound ({@code maxPayments}). A page never repeats or skips a payment that kept its status.
     */
    public List<PaymentResult> payments(PaymentStatus status, String afterId, int limit) {
        return PaymentListing.page(state.book, status, afterId, limit);
    }

    /** Review items with {@code status} (all when null), oldest first. */
    public List<ReviewItem> reviews(ReviewStatus status, int limit) {
        return state.reviews.list(status, limit);
    }

    public List<TrainingLabel> labels(int limit) {
        return state.labels.newest(limit);
    }

    /** The latest label of a payment, if any. */
    public Optional<TrainingLabel> labelOf(String paymentId) {
        return Optional.ofNullable(state.labels.latestFor(paymentId));
    }

    /** How many records the journal holds (those compacted away included). */
    public long journalRecords() {
        return state.journal.committed().records();
    }

    /** The journal record count of the snapshot the engine started from; -1 when it replayed the whole journal. */
    public long restoredFromRecords() {
        return restoredFromRecords;
    }

    public int paymentsInMemory() {
        return state.book.size();
    }

    /** Whether the in-memory book still holds the payment (for tests of the memory bound). */
    boolean inMemory(String paymentId) {
        return state.book.get(paymentId) != null;
    }

    /** Whether the payment index has folded every committed journal record (for tests). */
    private static void deleteSnapshots(Path dir) {
        try (var files = java.nio.file.Files.list(dir.resolve("log"))) {
            for (Path f : files.toList()) {
                if (dev.farthing.recordlog.RecordFormat.snapshotPositionOf(f) >= 0) {
                    java.nio.file.Files.delete(f);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot delete the risk snapshots in " + dir, e);
        }
    }

    boolean indexCaughtUp() {
        return state.indexing.indexedRecords() >= state.journal.committed().records();
    }

    private void offer(Command c, CompletableFuture<?> f) {
        if (loop.broken() != null) {
            f.completeExceptionally(new RiskRefusal(PaymentError.UNAVAILABLE, "the risk engine stopped: " + loop.broken()));
        } else if (!loop.offer(c)) {
            f.completeExceptionally(new RiskRefusal(PaymentError.OVERLOADED, "the risk engine is busy or stopping; retry shortly"));
        }
    }

    /** Stops taking requests, waits (up to seconds) for the ledger's outstanding answers, and closes the journal. */
    @Override
    public void close() {
        close(true);
    }

    /** {@code lastSnapshot} false stops as a crash would leave the snapshots (tests of restoring plus a tail). */
    void close(boolean lastSnapshot) {
        loop.stop();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (lastSnapshot && !thread.isAlive() && loop.broken() == null && state.inFlight.isEmpty()) {
                state.snapshots.atClose(state.journal.committed(), loop.lastAt());
            }
            state.snapshots.close();
            state.journal.close();
        } finally {
            state.snapshots.close();
            state.indexing.close();
        }
    }
}
