package dev.farthing.settlement.service;

import dev.farthing.ledger.model.AccountView;
import dev.farthing.settlement.SettlementError;
import dev.farthing.settlement.SettlementException;
import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.connector.PayoutInstruction;
import dev.farthing.settlement.connector.SubmitOutcome;
import dev.farthing.settlement.money.UnitBridge;
import dev.farthing.settlement.payout.Attempt;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.routing.RouteChoice;
import dev.farthing.settlement.store.SettlementEvent;
import dev.farthing.settlement.store.SettlementEvent.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns balances into payouts and drives each through its states (on the writer thread). The order of durable
 * steps is what makes a crash harmless: the payout is recorded, then its hold placed (id from the payout), then
 * the attempt recorded before the submit, then the answer. A restart finds each payout at its last durable step:
 * a submit without an answer is in doubt and is asked about, never sent again elsewhere.
 */
final class PayoutRunner {
    private final Core core;
    final ProviderAnswers answers;

    PayoutRunner(Core core) {
        this.core = core;
        this.answers = new ProviderAnswers(core, this);
    }

    /** Every payee whose schedule is due, one payout per payee and currency, in one batch. */
    SettlementState.Batch runDue(String trigger) {
        long now = core.now();
        String batchId = "b-" + (core.state.batchSeq + 1);
        List<SettlementEvent> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Payee payee : core.state.payees.values()) {
            PayoutCreated c = plan(payee, batchId, batchId + "." + (ids.size() + 1), null, now, true);
            if (c != null) {
                events.add(c);
                ids.add(c.payoutId());
            }
        }
        events.addFirst(new BatchOpened(batchId, trigger, ids, now));
        core.recordAll(events);
        for (String id : ids) advance(id);
        return core.state.batches.get(batchId);
    }

    /** One payout now, of {@code amountMinor} (null: all that is payable); the id makes a repeat harmless. */
    Payout request(String payoutId, String payeeId, Long amountMinor) {
        Payout known = core.state.payouts.get(payoutId);
        if (known != null) {
            if (!known.payeeId().equals(payeeId) || (amountMinor != null && amountMinor != known.minorAmount())) {
                throw new SettlementException(SettlementError.PAYOUT_CONFLICT, "payout " + payoutId
                        + " exists for payee " + known.payeeId() + " and " + known.minorAmount() + " minor units");
            }
            return known;
        }
        Payee payee = core.state.payees.get(payeeId);
        if (payee == null) throw new SettlementException(SettlementError.PAYEE_NOT_FOUND, "no payee " + payeeId, "payee");
        long now = core.now();
        String batchId = "b-" + (core.state.batchSeq + 1);
        PayoutCreated c = plan(payee, batchId, payoutId, amountMinor, now, false);
        core.recordAll(List.of(new BatchOpened(batchId, "request " + payoutId, List.of(payoutId), now), c));
        advance(payoutId);
        return core.state.payouts.get(payoutId);
    }

    private PayoutCreated plan(Payee payee, String batchId, String payoutId, Long requested, long now, boolean scheduled) {
        AccountView account = core.books.account(payee.account());
        if (account == null) {
            if (scheduled) return null;
            throw new SettlementException(SettlementError.PAYEE_NOT_FOUND, "payee " + payee.id() + "'s account "
                    + payee.account() + " does not exist");
        }
        UnitBridge bridge = UnitBridge.of(payee.currency(), core.books.ledgerScale(payee.currency()));
        long available = Math.max(0, account.available());
        int bps = payee.schedule().reserveBps();
        long reserve = available / 10_000 * bps + available % 10_000 * bps / 10_000;
        long payable = bridge.minorFloor(available - reserve);
        long minor = requested == null ? payable : requested;
        long minimum = Math.max(1, payee.schedule().minimumMinor());
        if (scheduled) {
            long last = core.state.lastPayoutAt.getOrDefault(payee.id() + "/" + payee.currency(), 0L);
            if (!payee.schedule().isDue(now, last, payable) || minor < minimum) return null;
        } else if (minor < minimum || minor > payable) {
            throw new SettlementException(SettlementError.BELOW_PAYOUT_MINIMUM, "payee " + payee.id() + " can be paid "
                    + minimum + ".." + payable + " minor units of " + payee.currency() + " now (after a reserve of "
                    + reserve + " ledger units); asked " + minor, "amount");
        }
        long ledgerAmount = bridge.toLedger(minor);
        FxQuote.Quoted quote = null;
        if (payee.converts()) {
            quote = FxQuote.quote(core, payee, ledgerAmount, scheduled);
            if (quote == null) return null; // scheduled: no rate, or too little to pay in the target's minor unit
        }
        Payout previous = lastPayoutOf(payee.id());
        var netting = Netting.breakdown(core.reads, account, previous == null ? null : previous.holdTransferId(),
                reserve, available - reserve - ledgerAmount, ledgerAmount);
        return quote == null
                ? new PayoutCreated(payoutId, batchId, payee.id(), payee.account(), payee.currency(), ledgerAmount, minor,
                        bridge.minorScale(), payee.country(), payee.beneficiaryName(), payee.beneficiaryAccount(), netting, now, null)
                : new PayoutCreated(payoutId, batchId, payee.id(), payee.account(), payee.payoutCurrency(), ledgerAmount,
                        quote.minorAmount(), quote.minorScale(), payee.country(), payee.beneficiaryName(),
                        payee.beneficiaryAccount(), netting, now, quote.fx());
    }

    private Payout lastPayoutOf(String payeeId) {
        Payout last = null;
        for (Payout p : core.state.payouts.values()) if (p.payeeId().equals(payeeId)) last = p;
        return last;
    }

    /** Takes the payout as far as it can go now; whoever waits for it is told once nothing about it is out. */
    void advance(String payoutId) {
        if (!core.inFlight.busy(payoutId) || !core.state.payouts.get(payoutId).status().equals(PayoutStatus.HELD)) {
            steps(payoutId);
        }
        core.inFlight.settled(payoutId);
    }

    /** Payouts that waited for a provider slot, now that one is free. */
    void sendWaiting() {
        for (String id : core.inFlight.takeWaiting()) advance(id);
    }

    private void steps(String payoutId) {
        for (int step = 0; step < 32; step++) {
            Payout p = core.state.payouts.get(payoutId);
            long now = core.now();
            switch (p.status()) {
                case CREATED -> {
                    String refused = core.books.hold(p);
                    if (refused == null) {
                        core.record(new HoldPlaced(p.id(), now));
                    } else {
                        core.record(new PayoutFailed(p.id(), "the ledger refused the hold: " + refused, now));
                        core.record(new PayoutBooked(p.id(), "voided", now)); // nothing was held
                        return;
                    }
                }
                case HELD -> {
                    if (!route(p, now)) return;
                }
                case PAID -> {
                    if (p.booked() == null) {
                        if (p.fx() != null) FxQuote.bookConversion(core, p);
                        long fee = UnitBridge.of(p.currency(), core.books.ledgerScale(p.currency())).toLedger(p.feeMinor());
                        core.books.bookPaid(p, paidThrough(p), fee);
                        core.record(new PayoutBooked(p.id(), "paid", now));
                    }
                    return;
                }
                case FAILED -> {
                    if (p.booked() == null) {
                        core.books.voidHold(p);
                        core.record(new PayoutBooked(p.id(), "voided", now));
                    }
                    return;
                }
                default -> {
                    return; // submitted or in doubt: an answer will come (webhook, poll, statement)
                }
            }
        }
        throw new IllegalStateException("payout " + payoutId + " did not settle into a waiting state");
    }

    static String paidThrough(Payout p) {
        String provider = p.activeProvider();
        if (provider == null) throw new IllegalStateException("paid payout " + p.id() + " has no provider attempt");
        return provider;
    }

    /**
     * One attempt: true when the payout moved on here (failed for good), false when it waits: for the answer to the
     * submit just sent, for a slot at the chosen provider, or for a provider to be admitted (breakers open).
     */
    private boolean route(Payout p, long now) {
        Set<String> refused = new HashSet<>();
        for (Attempt a : p.attempts()) {
            if (Attempt.REFUSED.equals(a.outcome()) || Attempt.REFUSED_FINAL.equals(a.outcome())) refused.add(a.provider());
        }
        if (refused.containsAll(core.router.providers()) || p.attempts().size() >= 2 * core.router.providers().size() + 2) {
            core.record(new PayoutFailed(p.id(), core.router.providers().isEmpty() ? "no provider is configured"
                    : "every provider refused it: " + describe(p.attempts()), now));
            return true;
        }
        RouteChoice choice = core.router.choose(p.currency(), p.country(), p.minorAmount(), refused, core.calls.hung());
        if (!choice.found()) return false;
        if (!core.calls.hasRoom(choice.provider())) {
            core.router.notSent(choice.provider());
            core.inFlight.waitForSlot(p.id()); // back-pressure: sent when a call ends
            return false;
        }
        int n = p.attempts().size() + 1;
        String key = p.id() + ".a" + n;
        core.record(new AttemptRouted(p.id(), n, choice.provider(), key, choice.reason(), now));
        PayoutConnector connector = core.connectors.get(choice.provider());
        PayoutInstruction in = new PayoutInstruction(key, p.id(), p.payeeId(), p.currency(), p.minorScale(),
                p.minorAmount(), p.country(), p.beneficiaryName(), p.beneficiaryAccount());
        core.inFlight.callSent(p.id(), key);
        core.calls.<SubmitOutcome>dispatch(choice.provider(), () -> connector.submit(in),
                e -> new SubmitOutcome.Unknown("the connector threw: " + e), // it may have sent it
                () -> new SubmitOutcome.Unknown("no answer within " + core.config.calls().callTimeout()),
                (outcome, millis) -> submitAnswered(p.id(), n, choice.provider(), outcome, millis));
        return false;
    }

    /** On the writer: the submit's answer (or its timeout), unless a webhook or poll answered the attempt first. */
    private void submitAnswered(String payoutId, int n, String provider, SubmitOutcome outcome, long millis) {
        core.inFlight.callAnswered(payoutId);
        Payout p = core.state.payouts.get(payoutId);
        Attempt a = p.lastAttempt();
        if (a != null && a.number() == n && a.outcome() == null) {
            long at = core.now();
            switch (outcome) {
                case SubmitOutcome.Accepted acc -> core.record(new AttemptAnswered(p.id(), n, Attempt.ACCEPTED,
                        acc.providerReference(), null, millis, at));
                case SubmitOutcome.Refused r -> {
                    core.record(new AttemptAnswered(p.id(), n, r.retryable() ? Attempt.REFUSED : Attempt.REFUSED_FINAL,
                            null, r.reason(), millis, at));
                    if (!r.retryable()) core.record(new PayoutFailed(p.id(), provider + " refused it: " + r.reason(), at));
                }
                case SubmitOutcome.Unknown u -> core.record(new AttemptAnswered(p.id(), n, Attempt.UNKNOWN, null,
                        u.reason(), millis, at));
            }
        }
        advance(payoutId);
    }

    private static String describe(List<Attempt> attempts) {
        List<String> out = new ArrayList<>();
        for (Attempt a : attempts) out.add(a.provider() + " " + a.outcome() + (a.detail() == null ? "" : " (" + a.detail() + ")"));
        return String.join(", ", out);
    }

    /** Unfinished work after a restart or on a tick: holds to place, routes to retry, books to finish, statuses to ask. */
    void resume(boolean poll) {
        sendWaiting();
        for (Payout p : List.copyOf(core.state.payouts.values())) {
            switch (p.status()) {
                case CREATED, HELD -> { if (!core.inFlight.busy(p.id())) advance(p.id()); }
                case PAID, FAILED -> {
                    if (p.booked() == null) advance(p.id());
                    if (p.lastAttempt() != null) core.inFlight.ended(p.lastAttempt().idempotencyKey());
                }
                case SUBMITTED, IN_DOUBT -> {
                    long now = core.now();
                    if (poll && !core.inFlight.busy(p.id()) && now - p.createdAt() >= core.config.pollAfter().toNanos()
                            && core.inFlight.pollDue(p.lastAttempt().idempotencyKey(), now)) {
                        answers.poll(p);
                    }
                }
                case RETURNED -> { }
            }
        }
    }

    List<Payout> inStatus(PayoutStatus status) {
        return core.state.payoutsIn(status);
    }
}
