package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.risk.journal.IndexedPayment;
import dev.farthing.risk.journal.RiskRecord;
import dev.farthing.risk.review.ReviewItem;
import dev.farthing.risk.review.ReviewStatus;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A payment from request to money: idempotency, decision, journal (durable before anything moves), then
 * the ledger legs, then the answer. A ledger refusal turns the payment into a decline with the ledger's
 * reason; a ledger that cannot answer leaves the payment to be re-submitted (idempotently) later.
 */
final class PaymentFlow {
    private final EngineState s;

    PaymentFlow(EngineState s) {
        this.s = s;
    }

    void submit(Command.Submit cmd, long at) {
        PaymentRequest p = cmd.payment();
        byte[] fingerprint = cmd.fingerprint();
        BookEntry known = s.book.get(p.id());
        if (known != null) {
            repeat(known, fingerprint, cmd.waiter());
            return;
        }
        if (!s.book.conclusive(cmd.prior())) {
            s.indexing.lookUpAgain(cmd, s::answer); // forgotten since the caller looked (or it did not look): ask again
            return;
        }
        if (cmd.prior().found() != null) {
            repeatForgotten(cmd.prior().found(), fingerprint, cmd.waiter());
            return;
        }
        Assessment a = s.assessor.assess(p, at);
        s.assessor.record(p, at, a.decision() == Decision.APPROVED);
        long decideUs = (System.nanoTime() - cmd.waiter().startNanos()) / 1_000;
        s.journal.append(new RiskRecord.Decided(p, at, a, decideUs, cmd.submittedBy()));
        BookEntry entry = PaymentFlow.entryFor(p, at, a, decideUs, fingerprint, cmd.submittedBy());
        s.book.add(p.id(), entry);
        if (a.decision().movesMoney()) {
            entry.waiters.add(cmd.waiter());
            s.afterCommit(() -> sendLegs(entry));
        } else {
            s.afterCommit(() -> {
                cmd.waiter().complete(entry.result);
                s.observer.decided(Decision.DECLINED, System.nanoTime() - cmd.waiter().startNanos());
            });
        }
    }

    /** The book entry a fresh decision (live or replayed) starts as. */
    static BookEntry entryFor(PaymentRequest p, long at, Assessment a, long latencyUs, byte[] fingerprint,
                              String submittedBy) {
        boolean moves = a.decision().movesMoney();
        PaymentResult result = new PaymentResult(p.id(), a.decision(), a.score(), a.modelVersion(), a.policyVersion(),
                a.reasons(), moves ? LedgerLegs.ids(p) : List.of(), latencyUs, false,
                moves ? PaymentStatus.LEDGER_PENDING : PaymentStatus.NONE, at, submittedBy);
        return new BookEntry(fingerprint, result, moves ? p : null);
    }

    private void repeat(BookEntry known, byte[] fingerprint, Waiter waiter) {
        if (!Arrays.equals(known.fingerprint, fingerprint)) {
            Waiter w = waiter;
            s.afterCommit(() -> w.future().completeExceptionally(new RiskRefusal(PaymentError.IDEMPOTENCY_CONFLICT,
                    "payment " + known.result.id() + " was already submitted with a different body")));
            return;
        }
        Waiter repeat = new Waiter(waiter.future(), waiter.startNanos(), true);
        if (known.result.status() != PaymentStatus.LEDGER_PENDING) {
            s.afterCommit(() -> repeat.complete(known.result));
            return;
        }
        known.waiters.add(repeat);
        if (!known.legsInFlight) {
            s.afterCommit(() -> sendLegs(known)); // a repeat after the ledger failed to answer: send again
        }
    }

    /** A repeat of a payment the book forgot: settled long ago, it answers from the index and moves nothing. */
    private void repeatForgotten(IndexedPayment known, byte[] fingerprint, Waiter waiter) {
        PaymentResult original = known.result();
        if (!Arrays.equals(known.fingerprint(), fingerprint)) {
            s.afterCommit(() -> waiter.future().completeExceptionally(new RiskRefusal(PaymentError.IDEMPOTENCY_CONFLICT,
                    "payment " + original.id() + " was already submitted with a different body")));
            return;
        }
        assert original.status() != PaymentStatus.LEDGER_PENDING && original.status() != PaymentStatus.HELD
                : "the book forgot payment " + original.id() + " while it was " + original.status();
        Waiter repeat = new Waiter(waiter.future(), waiter.startNanos(), true);
        s.afterCommit(() -> repeat.complete(original));
    }

    /** Sends a decided payment's legs as one atomic batch; the answer comes back through the loop. */
    void sendLegs(BookEntry entry) {
        if (entry.legsInFlight) {
            return;
        }
        PaymentRequest p = entry.request;
        List<NewTransfer> legs = LedgerLegs.of(p, entry.result.decision(), s.config);
        entry.legsInFlight = true;
        s.ledgerCallsInFlight.incrementAndGet();
        CompletableFuture<List<Outcome<TransferView>>> call;
        try {
            call = s.ledger.createTransfers(legs, true);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((outcomes, error) -> s.answer(new Command.LegsAnswered(p.id(), outcomes, error)));
    }

    void legsAnswered(Command.LegsAnswered answer) {
        s.ledgerCallsInFlight.decrementAndGet();
        BookEntry entry = s.book.get(answer.paymentId());
        if (entry == null || !entry.legsInFlight) {
            throw new IllegalStateException("ledger answered for payment " + answer.paymentId() + " that sent nothing");
        }
        entry.legsInFlight = false;
        Outcome<TransferView> refusal = answer.error() == null ? firstRefusal(answer.outcomes()) : null;
        if (answer.error() != null || (refusal != null && transient_(refusal.error()))) {
            failWaiters(entry, answer.error() != null ? unavailable(answer.error())
                    : new RiskRefusal(refusal.error() == ErrorCode.OVERLOADED ? PaymentError.OVERLOADED
                    : PaymentError.UNAVAILABLE, "the ledger could not take the payment now: " + refusal.detail()));
            return;
        }
        if (refusal == null) {
            checkLegs(entry, answer.outcomes());
            applied(entry);
        } else {
            refused(entry, refusal);
        }
    }

    private void applied(BookEntry entry) {
        PaymentResult r = entry.result;
        entry.result = r.withStatus(r.decision().holds() ? PaymentStatus.HELD : PaymentStatus.POSTED);
        if (r.decision() == Decision.HELD_FOR_REVIEW) {
            openReview(entry.request, entry.result);
        }
        entry.request = null;
        s.journal.append(new RiskRecord.LedgerApplied(r.id()));
        // Both the decision and the legs are durable already: answer now, the record above only saves a re-send.
        completeWaiters(entry, entry.result);
    }

    private void refused(BookEntry entry, Outcome<TransferView> refusal) {
        entry.result = entry.result.refusedByLedger(new DecisionReason(refusal.error().code(),
                "the ledger refused the payment: " + refusal.detail()));
        entry.request = null;
        s.journal.append(new RiskRecord.LedgerRefused(entry.result.id(), refusal.error().code(), refusal.detail()));
        PaymentResult result = entry.result;
        List<Waiter> waiting = List.copyOf(entry.waiters);
        entry.waiters.clear();
        s.afterCommit(() -> waiting.forEach(w -> {
            w.complete(result);
            if (!w.replay()) {
                s.observer.decided(Decision.DECLINED, System.nanoTime() - w.startNanos());
            }
        }));
    }

    void openReview(PaymentRequest p, PaymentResult r) {
        if (s.reviews.get(p.id()).isEmpty()) {
            s.reviews.open(new ReviewItem(p.id(), r.decidedAt(), r.score(),
                    r.reasons().stream().map(DecisionReason::code).toList(), p.amount(), p.currency(),
                    ReviewStatus.OPEN, null, 0));
        }
    }

    private void completeWaiters(BookEntry entry, PaymentResult result) {
        for (Waiter w : entry.waiters) {
            w.complete(result);
            if (!w.replay()) {
                s.observer.decided(result.decision(), System.nanoTime() - w.startNanos());
            }
        }
        entry.waiters.clear();
    }

    private void failWaiters(BookEntry entry, RiskRefusal why) {
        List<Waiter> waiting = List.copyOf(entry.waiters);
        entry.waiters.clear();
        s.afterCommit(() -> waiting.forEach(w -> w.future().completeExceptionally(why)));
    }

    private static void checkLegs(BookEntry entry, List<Outcome<TransferView>> outcomes) {
        assert entry.request != null : "legs answered for a payment without its request";
        MoneyInvariants.legsMatch(entry.request, entry.result.decision(), outcomes);
    }

    /** The refusal that caused an atomic batch to fail (not the {@code linked_transfer_failed} of its partners). */
    private static Outcome<TransferView> firstRefusal(List<Outcome<TransferView>> outcomes) {
        Outcome<TransferView> linked = null;
        for (Outcome<TransferView> o : outcomes) {
            if (!o.isOk() && o.error() != ErrorCode.LINKED_TRANSFER_FAILED) {
                return o;
            }
            if (!o.isOk()) {
                linked = o;
            }
        }
        return linked;
    }

    private static boolean transient_(ErrorCode code) {
        return code == ErrorCode.OVERLOADED || code == ErrorCode.UNAVAILABLE || code == ErrorCode.CIRCUIT_OPEN;
    }

    static RiskRefusal unavailable(Throwable t) {
        if (t instanceof RiskRefusal r) {
            return r;
        }
        return new RiskRefusal(PaymentError.UNAVAILABLE, "the ledger did not answer: " + t);
    }
}
