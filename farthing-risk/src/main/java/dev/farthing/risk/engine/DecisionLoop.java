package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The single writer. Drains the ledger's answers and up to {@code maxBatch} requests, stamps the batch with
 * ledger time once (strictly increasing per payment), handles each command, makes the batch's journal records
 * durable with one commit, and only then replies and sends ledger commands.
 */
final class DecisionLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(DecisionLoop.class.getName());
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
                if (stopping && (s.ledgerCallsInFlight.get() == 0 || System.nanoTime() > drainDeadline)) {
                    break;
                }
                if (stopping && drainDeadline == 0) {
                    drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                }
                LockSupport.parkNanos(10_000_000); // offers and ledger answers unpark us at once
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

    private void runBatch() {
        long at = Math.max(s.ledger.now(), lastAt + 1);
        for (Command c : batch) {
            try {
                dispatch(c, at);
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
            s.journal.commit();
        } catch (RuntimeException e) {
            broken = e;
            s.dropAfterCommit();
            LOG.log(System.Logger.Level.ERROR, "risk journal commit failed; the engine stops", e);
            batch.forEach(c -> failCommand(c, e));
            return;
        }
        s.runAfterCommit();
    }

    private void dispatch(Command c, long at) {
        switch (c) {
            case Command.Submit sub -> payments.submit(sub, at);
            case Command.LegsAnswered a -> payments.legsAnswered(a);
            case Command.Resolve r -> holds.resolve(r);
            case Command.HoldsAnswered a -> holds.holdsAnswered(a, at);
            case Command.Label l -> holds.label(l, at);
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
