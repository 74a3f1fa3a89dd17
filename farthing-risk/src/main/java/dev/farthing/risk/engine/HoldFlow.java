package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.risk.journal.RiskRecord;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.LabelSource;
import dev.farthing.risk.review.ReviewStatus;
import dev.farthing.risk.review.TrainingLabel;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Challenge outcomes and review verdicts: post or void a payment's holds, exactly once and all together (one
 * atomic ledger call for the payment leg and its fee leg). The transition is checked first (only a held payment
 * of the right kind, one resolution at a time); the ledger acts; then the outcome is journaled and, once
 * durable, answered. Also stores training labels.
 */
final class HoldFlow {
    private final EngineState s;

    HoldFlow(EngineState s) {
        this.s = s;
    }

    void resolve(Command.Resolve cmd) {
        BookEntry entry = s.book.get(cmd.paymentId());
        RiskRefusal refusal = checkTransition(entry, cmd);
        if (refusal != null) {
            s.afterCommit(() -> cmd.future().completeExceptionally(refusal));
            return;
        }
        entry.resolving = true;
        s.afterCommit(() -> sendResolution(entry, cmd));
    }

    private static RiskRefusal checkTransition(BookEntry entry, Command.Resolve cmd) {
        if (entry == null) {
            return new RiskRefusal(PaymentError.NOT_FOUND, "no payment " + cmd.paymentId());
        }
        return checkTransition(cmd.paymentId(), entry.result, entry.resolving, cmd.challenge());
    }

    /**
     * Why payment {@code id}, standing at {@code r}, cannot be challenged ({@code challenge}) or reviewed now;
     * null when it can. Also answers, on a caller's thread, for payments only the index remembers (settled).
     */
    static RiskRefusal checkTransition(String id, PaymentResult r, boolean resolving, boolean challenge) {
        Decision needed = challenge ? Decision.CHALLENGED : Decision.HELD_FOR_REVIEW;
        if (r.decision() != needed) {
            return new RiskRefusal(PaymentError.INVALID_STATE, "payment " + id + " was " + r.decision().wire()
                    + "; only a " + needed.wire() + " payment can be " + (challenge ? "challenged" : "reviewed"));
        }
        if (resolving || r.status() == PaymentStatus.LEDGER_PENDING) {
            return new RiskRefusal(PaymentError.IN_PROGRESS, "payment " + id + " is still being placed or resolved; retry");
        }
        if (r.status() != PaymentStatus.HELD) {
            return new RiskRefusal(PaymentError.ALREADY_RESOLVED, "payment " + id + " is already " + r.status().wire());
        }
        return null;
    }

    /** Both legs in one atomic ledger call: posted together, voided together, or neither. */
    private void sendResolution(BookEntry entry, Command.Resolve cmd) {
        s.ledgerCallsInFlight.incrementAndGet();
        CompletableFuture<List<Outcome<TransferView>>> call;
        try {
            call = s.ledger.resolvePending(entry.result.transferIds(), cmd.approve());
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((outcomes, error) -> s.answer(new Command.HoldsAnswered(cmd, outcomes, error)));
    }

    void holdsAnswered(Command.HoldsAnswered answer, long at) {
        s.ledgerCallsInFlight.decrementAndGet();
        Command.Resolve cmd = answer.request();
        BookEntry entry = s.book.get(cmd.paymentId());
        entry.resolving = false;
        if (answer.error() != null) {
            s.afterCommit(() -> cmd.future().completeExceptionally(PaymentFlow.unavailable(answer.error())));
            return;
        }
        PaymentStatus outcome = outcomeOf(answer.outcomes(), cmd.approve());
        if (outcome == null) {
            Outcome<TransferView> bad = answer.outcomes().stream().filter(o -> !o.isOk()).findFirst().orElseThrow();
            s.afterCommit(() -> cmd.future().completeExceptionally(new RiskRefusal(PaymentError.LEDGER_REFUSED,
                    "the ledger refused to " + (cmd.approve() ? "post" : "void") + " the holds: "
                            + bad.error().code() + " " + bad.detail())));
            return;
        }
        String via = cmd.challenge() ? "challenge" : "review";
        RiskRecord.Resolved resolved = new RiskRecord.Resolved(cmd.paymentId(), outcome, via, cmd.label(), at);
        apply(entry, resolved);
        s.journal.append(resolved);
        if (cmd.label() != null) {
            store(new TrainingLabel(cmd.paymentId(), cmd.label(), LabelSource.REVIEW, at));
        }
        PaymentResult result = entry.result;
        PaymentStatus intended = cmd.approve() ? PaymentStatus.POSTED : PaymentStatus.VOIDED;
        s.afterCommit(() -> {
            if (outcome == PaymentStatus.EXPIRED) {
                cmd.future().completeExceptionally(new RiskRefusal(PaymentError.HOLD_EXPIRED,
                        "the holds of payment " + cmd.paymentId() + " expired before this " + via));
            } else if (outcome != intended) {
                cmd.future().completeExceptionally(new RiskRefusal(PaymentError.ALREADY_RESOLVED,
                        "payment " + cmd.paymentId() + " is already " + outcome.wire()));
            } else {
                cmd.future().complete(result);
            }
        });
    }

    /** Applies a resolution to the book and the review queue (live and on replay). */
    void apply(BookEntry entry, RiskRecord.Resolved r) {
        entry.result = entry.result.withStatus(r.outcome());
        if (r.via().equals("review") && s.reviews.get(r.paymentId()).isPresent()) {
            ReviewStatus status = switch (r.outcome()) {
                case POSTED -> ReviewStatus.APPROVED;
                case VOIDED -> ReviewStatus.DECLINED;
                default -> ReviewStatus.EXPIRED;
            };
            s.reviews.resolve(r.paymentId(), status, r.label(), r.atNanos());
        }
    }

    /**
     * Where the holds ended up, leg by leg: the intended state when the ledger did it now; the state it already
     * had (ALREADY_POSTED, ALREADY_VOIDED: a resolution the ledger applied before a crash or a lost answer);
     * EXPIRED when the ledger expired them first; null when the ledger refused for another reason. A leg marked
     * {@code linked_transfer_failed} was rolled back with its partner and follows the partner's state. All legs of
     * one payment must agree (they are placed, resolved and expired together).
     */
    private static PaymentStatus outcomeOf(List<Outcome<TransferView>> outcomes, boolean approve) {
        PaymentStatus agreed = null;
        for (Outcome<TransferView> o : outcomes) {
            if (o.error() == ErrorCode.LINKED_TRANSFER_FAILED) {
                continue;
            }
            PaymentStatus leg = o.isOk() ? (approve ? PaymentStatus.POSTED : PaymentStatus.VOIDED) : switch (o.error()) {
                case ALREADY_POSTED -> PaymentStatus.POSTED;
                case ALREADY_VOIDED -> PaymentStatus.VOIDED;
                case PENDING_EXPIRED -> PaymentStatus.EXPIRED;
                default -> null;
            };
            if (leg == null) {
                return null;
            }
            if (agreed != null && agreed != leg) {
                throw new IllegalStateException("holds of one payment resolved differently: " + outcomes);
            }
            agreed = leg;
        }
        return agreed;
    }

    void label(Command.Label cmd, long at) {
        if (s.book.get(cmd.paymentId()) == null && !cmd.indexed()) {
            s.afterCommit(() -> cmd.future().completeExceptionally(
                    new RiskRefusal(PaymentError.NOT_FOUND, "no payment " + cmd.paymentId())));
            return;
        }
        TrainingLabel label = new TrainingLabel(cmd.paymentId(), cmd.label(), cmd.source(), at);
        store(label);
        s.afterCommit(() -> cmd.future().complete(label));
    }

    /** Keeps a training label, journals it and tells the shadow scoreboard. */
    private void store(TrainingLabel label) {
        s.labels.add(label);
        s.journal.append(new RiskRecord.Labelled(label));
        s.assessor.labelled(label.paymentId(), label.label() == FraudLabel.FRAUD);
    }
}
