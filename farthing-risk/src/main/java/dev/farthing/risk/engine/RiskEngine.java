package dev.farthing.risk.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.risk.journal.JournalScan;
import dev.farthing.risk.journal.RiskJournal;
import dev.farthing.risk.payment.PaymentRequest;
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
 */
public final class RiskEngine implements AutoCloseable {
    private final EngineState state;
    private final DecisionLoop loop;
    private final Thread thread;
    private final JournalScan.Result recovered;
    private final PaymentPreconditions preconditions;

    private RiskEngine(EngineState state, DecisionLoop loop, JournalScan.Result recovered) {
        this.state = state;
        this.loop = loop;
        this.recovered = recovered;
        this.preconditions = new PaymentPreconditions(state.ledger);
        this.thread = Thread.ofPlatform().name("farthing-risk-decider").daemon(true).unstarted(loop);
    }

    public static RiskEngine open(Ledger ledger, Path dir, Assessor assessor, RiskEngineConfig config) {
        return open(ledger, dir, assessor, config, DecisionObserver.NONE);
    }

    public static RiskEngine open(Ledger ledger, Path dir, Assessor assessor, RiskEngineConfig config,
                                  DecisionObserver observer) {
        Objects.requireNonNull(ledger, "ledger");
        EngineState s = new EngineState(ledger, assessor, new PaymentBook(config.maxPayments()),
                new ReviewQueue(config.maxReviews()), new LabelStore(config.maxLabels()), config, observer);
        PaymentFlow payments = new PaymentFlow(s);
        HoldFlow holds = new HoldFlow(s);
        Replay replay = new Replay(s, payments, holds);
        s.journal = RiskJournal.open(dir.resolve("journal"), config.fsync(), replay);
        RiskEngine engine = new RiskEngine(s, new DecisionLoop(s, payments, holds, replay.lastAt()),
                s.journal.recovered());
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
        CompletableFuture<PaymentResult> f = new CompletableFuture<>();
        long start = System.nanoTime();
        byte[] fingerprint = PaymentBook.fingerprint(dev.farthing.risk.journal.PaymentCodec.bytes(payment));
        preconditions.check(payment).whenComplete((ok, error) -> {
            if (error != null) {
                f.completeExceptionally(error instanceof java.util.concurrent.CompletionException c
                        && c.getCause() != null ? c.getCause() : error);
            } else {
                offer(new Command.Submit(payment, fingerprint, new Waiter(f, start, false)), f);
            }
        });
        return f;
    }

    /** Records a step-up outcome for a challenged payment: passed posts its holds, failed voids them. */
    public CompletableFuture<PaymentResult> challenge(String paymentId, boolean passed) {
        CompletableFuture<PaymentResult> f = new CompletableFuture<>();
        offer(Command.Resolve.challenge(paymentId, passed, f), f);
        return f;
    }

    /** A reviewer's verdict on a held payment: approve posts, decline voids; the label (may be null) is stored. */
    public CompletableFuture<PaymentResult> review(String paymentId, Verdict verdict, FraudLabel label) {
        CompletableFuture<PaymentResult> f = new CompletableFuture<>();
        offer(Command.Resolve.review(paymentId, Objects.requireNonNull(verdict, "verdict"), label, f), f);
        return f;
    }

    /** Stores a training label for a known payment. */
    public CompletableFuture<TrainingLabel> label(String paymentId, FraudLabel label, LabelSource source) {
        CompletableFuture<TrainingLabel> f = new CompletableFuture<>();
        offer(new Command.Label(paymentId, Objects.requireNonNull(label), Objects.requireNonNull(source), f), f);
        return f;
    }

    public Optional<PaymentResult> lookup(String paymentId) {
        BookEntry e = state.book.get(paymentId);
        return e == null ? Optional.empty() : Optional.of(e.result);
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

    /** What opening found in the journal: records replayed, torn bytes truncated. */
    public JournalScan.Result recovered() {
        return recovered;
    }

    public int paymentsInMemory() {
        return state.book.size();
    }

    private void offer(Command c, CompletableFuture<?> f) {
        if (loop.broken() != null) {
            f.completeExceptionally(new RiskRefusal(RiskRefusal.UNAVAILABLE, "the risk engine stopped: " + loop.broken()));
        } else if (!loop.offer(c)) {
            f.completeExceptionally(new RiskRefusal(RiskRefusal.OVERLOADED, "the risk engine is busy or stopping; retry shortly"));
        }
    }

    /** Stops taking requests, waits (up to seconds) for the ledger's outstanding answers, and closes the journal. */
    @Override
    public void close() {
        loop.stop();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state.journal.close();
    }
}
