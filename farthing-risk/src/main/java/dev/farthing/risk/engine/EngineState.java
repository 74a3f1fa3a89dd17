package dev.farthing.risk.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.risk.journal.RiskJournal;
import dev.farthing.risk.review.LabelStore;
import dev.farthing.risk.review.ReviewQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Everything the decision thread owns, shared by its flows. Work that must wait until the batch's journal
 * records are durable (replies, ledger commands) is queued with {@link #afterCommit}.
 */
final class EngineState {
    final Ledger ledger;
    final Assessor assessor;
    /** Set once the journal has been replayed (replay needs everything else, not the journal). */
    RiskJournal journal;
    /** The durable payment index (set before replay). */
    PaymentIndexing indexing;
    /** Saves the memory every so many records (set before replay). */
    Snapshots snapshots;
    final PaymentBook book;
    final ReviewQueue reviews;
    final LabelStore labels;
    final RiskEngineConfig config;
    final DecisionObserver observer;
    final ConcurrentLinkedQueue<Command> answers = new ConcurrentLinkedQueue<>();
    final AtomicInteger ledgerCallsInFlight = new AtomicInteger();
    private List<Runnable> afterCommit = new ArrayList<>();
    /** Commits handed to the record log and not yet durable, oldest first. Decision thread only. */
    final java.util.ArrayDeque<InFlightCommit> inFlight = new java.util.ArrayDeque<>();
    volatile Thread loopThread;

    EngineState(Ledger ledger, Assessor assessor, PaymentBook book, ReviewQueue reviews,
                LabelStore labels, RiskEngineConfig config, DecisionObserver observer) {
        this.ledger = ledger;
        this.assessor = assessor;
        this.book = book;
        this.reviews = reviews;
        this.labels = labels;
        this.config = config;
        this.observer = observer;
    }

    void afterCommit(Runnable r) {
        afterCommit.add(r);
    }

    /** Takes the work queued by this batch, to run once its records (and every earlier batch's) are durable. */
    List<Runnable> takeAfterCommit() {
        List<Runnable> taken = afterCommit;
        afterCommit = new ArrayList<>();
        return taken;
    }

    /** The commit failed: nothing queued may run (it would acknowledge what is not durable). */
    void dropAfterCommit() {
        afterCommit.clear();
    }

    /** Called from ledger threads: hands an answer to the decision thread and wakes it. */
    void answer(Command c) {
        answers.add(c);
        wake();
    }

    void wake() {
        Thread t = loopThread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
