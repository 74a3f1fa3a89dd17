package dev.farthing.settlement.service;

import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.payout.Attempt;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.recon.ReconException;
import dev.farthing.settlement.store.SettlementEvent.AttemptAnswered;
import dev.farthing.settlement.store.SettlementEvent.PayoutFailed;
import dev.farthing.settlement.store.SettlementEvent.PayoutPaid;

/**
 * What a provider says about an attempt, however it arrives (a webhook, a status poll, a statement line), applied
 * the same way: a repeat changes nothing, an answer about an attempt that was given up (refused, never arrived) or
 * that contradicts a final state is an exception for a person, never a silent second payment or refund.
 */
final class ProviderAnswers {
    private final Core core;
    private final PayoutRunner runner;

    ProviderAnswers(Core core, PayoutRunner runner) {
        this.core = core;
        this.runner = runner;
    }

    /**
     * Asks the provider about the payout's current attempt (a lost webhook is recovered here), off the writer: the
     * answer is applied when it comes; no slot free at that provider, or a call about the payout already out: not now.
     */
    void poll(Payout p) {
        Attempt a = p.lastAttempt();
        if (a == null) return;
        PayoutConnector c = core.connectors.get(a.provider());
        if (c == null || !core.calls.hasRoom(a.provider()) || core.inFlight.busy(p.id())) return;
        String key = a.idempotencyKey();
        core.inFlight.callSent(p.id(), "poll " + key);
        core.calls.<ProviderStatus>dispatch(a.provider(), () -> c.status(key),
                e -> new ProviderStatus.Unreachable(e.toString()),
                () -> new ProviderStatus.Unreachable("no answer within " + core.config.calls().callTimeout()),
                (status, millis) -> {
                    core.inFlight.callAnswered(p.id());
                    apply(key, status, "poll");
                    Payout now = core.state.payouts.get(p.id());
                    if (now.status().isFinal()) {
                        core.inFlight.ended(key);
                    } else {
                        core.inFlight.polledWithoutEnd(key, core.now());
                    }
                });
    }

    /** Applies a status for the attempt under {@code idempotencyKey}; returns what it did, in words. */
    String apply(String idempotencyKey, ProviderStatus status, String evidence) {
        String payoutId = core.state.payoutByKey.get(idempotencyKey);
        if (payoutId == null) return "no attempt has key " + idempotencyKey;
        Payout p = core.state.payouts.get(payoutId);
        Attempt a = p.attempts().stream().filter(x -> x.idempotencyKey().equals(idempotencyKey)).findFirst().orElseThrow();
        boolean current = a == p.lastAttempt();
        long now = core.now();
        String result = switch (status) {
            case ProviderStatus.Pending pending -> {
                if (current && p.status() == PayoutStatus.IN_DOUBT) {
                    core.record(new AttemptAnswered(p.id(), a.number(), Attempt.ACCEPTED, pending.providerReference(),
                            "pending, learned by " + evidence, 0, now));
                    yield "in doubt -> submitted";
                }
                yield "still pending";
            }
            case ProviderStatus.Paid paid -> paid(p, a, current, paid, evidence, now);
            case ProviderStatus.Failed failed -> {
                if (!current || p.status() == PayoutStatus.PAID || p.status() == PayoutStatus.RETURNED) {
                    if (p.status() == PayoutStatus.FAILED) yield "already failed";
                    core.raise("failed-conflict|" + idempotencyKey, ReconException.STATUS_CONFLICT, a.provider(), null,
                            null, p.id(), a.provider() + " reports attempt " + a.number() + " failed (" + failed.reason()
                                    + ") but the payout is " + p.status().wire() + ": check with the provider");
                    yield "conflict";
                }
                if (p.status() == PayoutStatus.FAILED) yield "already failed";
                core.record(new PayoutFailed(p.id(), a.provider() + " failed it: " + failed.reason(), now));
                yield "failed";
            }
            case ProviderStatus.NotFound nf -> {
                if (current && p.status() == PayoutStatus.IN_DOUBT) {
                    core.record(new AttemptAnswered(p.id(), a.number(), Attempt.NOT_ARRIVED, null,
                            a.provider() + " has no payout under " + idempotencyKey + " (asked by " + evidence + ")", 0, now));
                    yield "in doubt -> never arrived; routed again";
                }
                if (current && p.status() == PayoutStatus.SUBMITTED) {
                    core.raise("notfound|" + idempotencyKey, ReconException.STATUS_CONFLICT, a.provider(), null, null,
                            p.id(), a.provider() + " accepted attempt " + a.number() + " but now has no payout under "
                                    + idempotencyKey);
                }
                yield "not found";
            }
            case ProviderStatus.Unreachable u -> "unreachable: " + u.reason();
        };
        runner.advance(p.id());
        return result;
    }

    private String paid(Payout p, Attempt a, boolean current, ProviderStatus.Paid paid, String evidence, long now) {
        if (p.status() == PayoutStatus.PAID || p.status() == PayoutStatus.RETURNED) {
            if (current) return "already paid";
        }
        if (!current || p.status() == PayoutStatus.FAILED) {
            core.raise("paid-conflict|" + a.idempotencyKey(), ReconException.STATUS_CONFLICT, a.provider(), null, null,
                    p.id(), a.provider() + " reports attempt " + a.number() + " (" + a.idempotencyKey() + ") paid "
                            + paid.amountMinor() + ", but that attempt was taken as " + a.outcome() + " and the payout is "
                            + p.status().wire() + ": the payee may have been paid twice, or paid after the funds went back");
            return "conflict";
        }
        if (p.status() == PayoutStatus.IN_DOUBT) {
            core.record(new AttemptAnswered(p.id(), a.number(), Attempt.ACCEPTED, paid.providerReference(),
                    "paid, learned by " + evidence, 0, now));
        }
        if (paid.amountMinor() != p.minorAmount()) {
            core.raise("paid-amount|" + a.idempotencyKey(), ReconException.AMOUNT_MISMATCH, a.provider(), null, null,
                    p.id(), a.provider() + " reports " + paid.amountMinor() + " paid for a payout of " + p.minorAmount());
        }
        core.record(new PayoutPaid(p.id(), paid.providerReference(), paid.amountMinor(), paid.feeMinor(),
                paid.valueDate() == null ? null : paid.valueDate().toString(), evidence, now));
        return "paid";
    }
}
