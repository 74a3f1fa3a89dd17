package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.risk.journal.RiskJournal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The single writer. Drains the ledger's and the record log's answers and up to {@code maxBatch} requests, stamps
 * the batch with ledger time once (strictly increasing per payment), handles each command, and hands the batch's
 * journal records to the record log as one commit. It never waits for the fsync: the batch's replies and ledger
 * commands run when the log reports the commit durable (a {@link Command.Durable} answer, in commit order).
 */
final class DecisionLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(DecisionLoop.class.getName());
    /** Commits handed to the log and not yet durable, at most: one being forced, one being written. */
    private static final int MAX_COMMITS_IN_FLIGHT = 2;
    private final EngineState s;
    private final PaymentFlow payments;
    private final HoldFlow holds;
    private final ArrayBlockingQueue<Command> requests;
    private final List<Command> batch = new ArrayList<>();
    private volatile boolean stopping;
    private volatile Throwable broken;
    private long lastAt;

    DecisionLoop(EngineState s, PaymentFlow payments, HoldFlow holds, long lastAt) {
        this.s = s;
        this.payments = payments;
        this.holds = holds;
        this.requests = new ArrayBlockingQueue<>(s.config.queueCapacity());
        this.lastAt = lastAt;
    }

    /** Queues a request; false when the queue is full or the engine is stopping or broken. */
    boolean offer(Command c) {
        if (stopping || broken != null || !requests.offer(c)) {
            return false;
        }
        s.wake();
        return true;
    }

    long lastAt() {
        return lastAt;
    }

    Throwable broken() {
        return broken;
    }

    void stop() {
        stopping = true;
        s.wake();
    }

    @Override
    public void run() {
        s.loopThread = Thread.currentThread();
        long drainDeadline = 0;
        while (broken == null) {
            collect();
            if (batch.isEmpty()) {
                boolean drained = s.ledgerCallsInFlight.get() == 0 && s.inFlight.isEmpty();
                if (stopping && (drained || System.nanoTime() > drainDeadline && drainDeadline != 0)) {
                    break;
                }
                if (stopping && drainDeadline == 0) {
                    drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                }
                LockSupport.parkNanos(10_000_000); // offers, ledger answers and durable commits unpark us at once
                continue;
            }
            runBatch();
        }
        failQueued();
    }

    private void collect() {
        batch.clear();
        Command answer;
        while ((answer = s.answers.poll()) != null) {
            batch.add(answer);
        }
        if (!stopping) {
            requests.drainTo(batch, s.config.maxBatch());
        }
    }

    /**
     * Handles the batch, then hands its records to the record log without waiting: the fsync runs on the log's
     * thread, and what must follow it (replies, ledger commands) runs when the log says the commit is durable.
     */
    private void runBatch() {
        long at = Math.max(s.ledger.now(), lastAt + 1);
        for (Command c : batch) {
            try {
                if (c instanceof Command.Durable d) {
                    durable(d);
                    continue;
                }
                dispatch(c, at);
            } catch (CommitFailed e) {
                stop(e.getCause());
                return;
            } catch (RuntimeException | AssertionError e) {
                LOG.log(System.Logger.Level.ERROR, "risk command failed: " + c.getClass().getSimpleName(), e);
                failCommand(c, e);
            }
            at++;
        }
        lastAt = at - 1;
        try {
            if (s.indexing.failure() != null) {
                throw new IllegalStateException("the payment index failed", s.indexing.failure());
            }
            if (s.inFlight.size() >= MAX_COMMITS_IN_FLIGHT && s.journal.hasPending()) {
                // The log is busy with earlier commits: this batch's records and replies join the next commit, made
                // when one of those is durable (its Durable answer starts a batch). Fewer, larger commits under load.
                return;
            }
            RiskJournal.Commit commit = s.journal.commit();
            List<Runnable> after = s.takeAfterCommit();
            if (commit == null) {
                if (s.inFlight.isEmpty()) {
                    after.forEach(Runnable::run);
                } else {
                    s.inFlight.getLast().afterDurable().addAll(after); // answers that rest on an earlier commit wait for it
                }
                return;
            }
            InFlightCommit pending = new InFlightCommit(commit, after, commandsOf(batch));
            s.inFlight.addLast(pending);
            commit.durable().whenComplete((position, error) -> s.answer(new Command.Durable(pending, position, error)));
            s.snapshots.afterAppend(commit, lastAt);
        } catch (RuntimeException e) {
            stop(e);
        }
    }

    /** A commit is durable: tell the journal and the index, then run what waited for it. */
    private void durable(Command.Durable d) {
        if (d.error() != null) {
            throw new CommitFailed(d.error());
        }
        InFlightCommit head = s.inFlight.pollFirst();
        if (head != d.commit()) {
            throw new CommitFailed(new IllegalStateException("risk journal commits became durable out of order"));
        }
        s.journal.durable(d.after());
        s.indexing.committed(head.commit().records(), d.after());
        head.afterDurable().forEach(Runnable::run);
    }

    /** The journal could not be made durable: nothing that waited for it may run; the engine stops. */
    private void stop(Throwable e) {
        broken = e;
        LOG.log(System.Logger.Level.ERROR, "risk journal commit failed; the engine stops", e);
        s.takeAfterCommit();
        batch.forEach(c -> failCommand(c, e));
        for (InFlightCommit c : s.inFlight) {
            c.commands().forEach(cmd -> failCommand(cmd, e));
        }
        s.inFlight.clear();
    }

    private static List<Command> commandsOf(List<Command> batch) {
        List<Command> out = new ArrayList<>(batch.size());
        for (Command c : batch) {
            if (!(c instanceof Command.Durable)) {
                out.add(c);
            }
        }
        return out;
    }

    private static final class CommitFailed extends RuntimeException {
        CommitFailed(Throwable cause) {
            super(cause);
        }
    }

    private void dispatch(Command c, long at) {
        switch (c) {
            case Command.Submit sub -> payments.submit(sub, at);
            case Command.LegsAnswered a -> payments.legsAnswered(a);
            case Command.Resolve r -> holds.resolve(r);
            case Command.HoldsAnswered a -> holds.holdsAnswered(a, at);
            case Command.Label l -> holds.label(l, at);
            case Command.Durable d -> durable(d);
        }
    }

    private static void failCommand(Command c, Throwable e) {
        RiskRefusal why = new RiskRefusal(PaymentError.UNAVAILABLE, "the risk engine failed: " + e);
        CompletableFuture<?> f = switch (c) {
            case Command.Submit sub -> sub.waiter().future();
            case Command.Resolve r -> r.future();
            case Command.HoldsAnswered a -> a.request().future();
            case Command.Label l -> l.future();
            case Command.LegsAnswered a -> null;
            case Command.Durable d -> null;
        };
        if (f != null) {
            f.completeExceptionally(why);
        }
    }

    private void failQueued() {
        List<Command> left = new ArrayList<>();
        requests.drainTo(left);
        RiskRefusal why = new RiskRefusal(PaymentError.UNAVAILABLE, "the risk engine is stopped");
        left.forEach(c -> failCommand(c, why));
        for (BookEntry e : s.book.all()) {
            e.waiters.forEach(w -> w.future().completeExceptionally(why));
            e.waiters.clear();
        }
    }
}
