package dev.farthing.settlement.service;

import dev.farthing.settlement.payout.Attempt;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.recon.ReconException;
import dev.farthing.settlement.store.SettlementEvent;
import dev.farthing.settlement.store.SettlementEvent.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settlement state, rebuilt from events: payees, batches, payouts, statements, matched lines, exceptions.
 * Applied by one thread only (the service's writer); it does no I/O, and every event either applies or throws
 * (an event that does not fit the state is a bug, caught by the assertions in tests).
 */
final class SettlementState {
    record Batch(String id, String trigger, List<String> payoutIds, long at) {
    }

    final Map<String, Payee> payees = new LinkedHashMap<>();
    final Map<String, Batch> batches = new LinkedHashMap<>();
    final Map<String, Payout> payouts = new LinkedHashMap<>();
    final Map<String, String> payoutByKey = new HashMap<>();
    final Map<String, String> payoutByProviderRef = new HashMap<>();
    /** Last payout per payee and currency (ledger time), for schedules. */
    final Map<String, Long> lastPayoutAt = new HashMap<>();
    final Map<String, StatementReceived> statements = new LinkedHashMap<>();
    /** statementId/lineId -> settled. */
    final Set<String> settledLines = new HashSet<>();
    /** provider/lineId of lines already matched (a repeat is a duplicate). */
    final Set<String> seenLines = new HashSet<>();
    /** payout id -> the debit line that matched it. */
    final Map<String, String> debitLineOf = new HashMap<>();
    final Map<String, String> feeLineOf = new HashMap<>();
    final Map<String, ReconException> exceptions = new LinkedHashMap<>();
    final Set<String> missingRaised = new HashSet<>();
    /** Payouts a statement line is in the exception queue for: already explained, not also "missing". */
    final Set<String> lineExceptionFor = new HashSet<>();
    final Map<String, List<LineSettled>> linesOf = new HashMap<>();
    final dev.farthing.settlement.money.FxRates rates = new dev.farthing.settlement.money.FxRates();
    /** pair -> the sub-unit remainder carried (exact); conversions by id. */
    final Map<String, java.math.BigDecimal> fxCarry = new HashMap<>();
    final Map<String, FxConverted> conversions = new LinkedHashMap<>();
    long batchSeq;

    void apply(SettlementEvent event) {
        switch (event) {
            case PayeeSet e -> payees.put(e.payee().id(), e.payee());
            case BatchOpened e -> {
                batches.put(e.batchId(), new Batch(e.batchId(), e.trigger(), e.payoutIds(), e.at()));
                batchSeq++;
            }
            case PayoutCreated e -> {
                Payout prior = payouts.putIfAbsent(e.payoutId(), Payout.created(e.payoutId(), e.batchId(), e.payeeId(),
                        e.account(), e.currency(), e.ledgerAmount(), e.minorAmount(), e.minorScale(), e.country(),
                        e.beneficiaryName(), e.beneficiaryAccount(), e.netting(), e.at(), e.fx()));
                assert prior == null : "payout created twice: " + e.payoutId();
                lastPayoutAt.put(e.payeeId() + "/" + e.currency(), e.at());
            }
            case HoldPlaced e -> update(e.payoutId(), p -> p.withStatus(PayoutStatus.HELD));
            case AttemptRouted e -> {
                payoutByKey.put(e.idempotencyKey(), e.payoutId());
                update(e.payoutId(), p -> p.withAttempt(new Attempt(e.attempt(), e.provider(), e.idempotencyKey(),
                        e.reason(), null, null)).withStatus(PayoutStatus.IN_DOUBT));
            }
            case AttemptAnswered e -> {
                if (e.providerReference() != null) payoutByProviderRef.put(e.providerReference(), e.payoutId());
                update(e.payoutId(), p -> answered(p, e));
            }
            case PayoutPaid e -> {
                if (e.providerReference() != null) payoutByProviderRef.put(e.providerReference(), e.payoutId());
                update(e.payoutId(), p -> p.paid(e.providerReference(), e.feeMinor(), e.valueDate(), e.evidence()));
            }
            case PayoutFailed e -> update(e.payoutId(), p -> p.failed(e.reason()));
            case PayoutBooked e -> update(e.payoutId(), p -> "returned".equals(e.booking())
                    ? p.withStatus(PayoutStatus.RETURNED).withBooked(e.booking()) : p.withBooked(e.booking()));
            case StatementReceived e -> statements.putIfAbsent(e.statementId(), e);
            case LineSettled e -> {
                settledLines.add(e.statementId() + "/" + e.lineId());
                linesOf.computeIfAbsent(e.statementId(), k -> new ArrayList<>()).add(e);
                String provider = statements.get(e.statementId()).provider();
                if (!"duplicate".equals(e.result())) seenLines.add(provider + "/" + e.lineId());
                if ("matched_debit".equals(e.result())) debitLineOf.put(e.payoutId(), e.lineId());
                if ("matched_fee".equals(e.result())) feeLineOf.put(e.payoutId(), e.lineId());
            }
            case ExceptionRaised e -> {
                exceptions.putIfAbsent(e.exceptionId(), new ReconException(e.exceptionId(), e.provider(),
                        e.statementId(), e.lineId(), e.payoutId(), e.code(), e.explanation(), e.at()));
                if (e.statementId() != null && e.lineId() != null) {
                    settledLines.add(e.statementId() + "/" + e.lineId());
                    String provider = statements.get(e.statementId()).provider();
                    seenLines.add(provider + "/" + e.lineId());
                }
                if (ReconException.MISSING_STATEMENT_LINE.equals(e.code())) missingRaised.add(e.payoutId());
                if (e.lineId() != null && e.payoutId() != null) lineExceptionFor.add(e.payoutId());
            }
            case FxRateSet e -> rates.put(new dev.farthing.settlement.money.FxRate(e.base(), e.quote(),
                    new java.math.BigDecimal(e.rate()), e.source(), java.time.Instant.EPOCH.plusNanos(e.asOfNanos())));
            case FxConverted e -> {
                conversions.put(e.conversionId(), e);
                fxCarry.put(e.pair(), new java.math.BigDecimal(e.carryAfter()));
            }
        }
    }

    private static Payout answered(Payout p, AttemptAnswered e) {
        Attempt a = p.lastAttempt();
        assert a != null && a.number() == e.attempt() : "answer for an attempt not routed: " + e;
        Payout next = p.withAttempt(a.answered(e.outcome(), e.detail()));
        if (e.providerReference() != null) next = next.withReference(e.providerReference());
        if (p.status().isFinal()) return next; // a late answer (webhook first) changes only the attempt's record
        return switch (e.outcome()) {
            case Attempt.ACCEPTED -> next.withStatus(PayoutStatus.SUBMITTED);
            case Attempt.UNKNOWN -> next.withStatus(PayoutStatus.IN_DOUBT);
            default -> next.withStatus(PayoutStatus.HELD); // refused or not arrived: free to route again
        };
    }

    private void update(String id, java.util.function.UnaryOperator<Payout> change) {
        Payout p = payouts.get(id);
        if (p == null) throw new IllegalStateException("event for an unknown payout " + id);
        payouts.put(id, change.apply(p));
    }

    List<Payout> payoutsIn(PayoutStatus status) {
        List<Payout> out = new ArrayList<>();
        for (Payout p : payouts.values()) if (status == null || p.status() == status) out.add(p);
        return out;
    }
}
