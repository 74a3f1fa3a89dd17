package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.payout.Attempt;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.routing.Router;
import dev.farthing.settlement.store.SettlementEvent;
import dev.farthing.settlement.store.SettlementEvent.AttemptAnswered;
import dev.farthing.settlement.store.SettlementEvent.PayoutFailed;
import dev.farthing.settlement.store.SettlementEvent.PayoutPaid;
import dev.farthing.settlement.store.SettlementLog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the payout runner and the reconciler share, all used on the service's writer thread: the state, its log,
 * the ledger books, the router, the connectors and the calls out to them. {@link #record} is the one way state changes: durable first,
 * then applied, then learned from.
 */
final class Core {
    final SettlementConfig config;
    final SettlementState state = new SettlementState();
    final SettlementLog log;
    final LedgerBooks books;
    final Ledger reads;
    final Router router;
    final Map<String, PayoutConnector> connectors = new LinkedHashMap<>();
    /** Provider calls, off this thread; their answers come back to it. */
    final ProviderCalls calls;
    final InFlight inFlight;

    Core(SettlementConfig config, SettlementLog log, LedgerBooks books, Ledger reads, java.util.concurrent.Executor writer) {
        this.config = config;
        this.calls = new ProviderCalls(config.calls(), writer);
        this.inFlight = new InFlight(config);
        this.log = log;
        this.books = books;
        this.reads = reads;
        for (PayoutConnector c : config.connectors()) {
            if (connectors.putIfAbsent(c.providerId(), c) != null) {
                throw new IllegalArgumentException("two connectors named " + c.providerId());
            }
        }
        this.router = new Router(config.routing(), List.copyOf(connectors.keySet()), reads::now);
    }

    /** Raises an exception once: its id is derived from {@code seed}, so raising it again after a crash is a no-op. */
    void raise(String seed, String code, String provider, String statementId, String lineId, String payoutId,
               String explanation) {
        String id = "rx-" + shortHash(seed);
        if (state.exceptions.containsKey(id)) return;
        record(new SettlementEvent.ExceptionRaised(id, provider, statementId, lineId, payoutId, code, explanation, now()));
    }

    static String shortHash(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<SettlementEvent.LineSettled> lineResults(String statementId) {
        return state.linesOf.getOrDefault(statementId, List.of());
    }

    long now() {
        return reads.now();
    }

    void record(SettlementEvent event) {
        log.append(event);
        applyAndLearn(event);
    }

    void recordAll(List<? extends SettlementEvent> events) {
        log.appendAll(events);
        events.forEach(this::applyAndLearn);
    }

    /** Also the replay path: the router relearns from recorded outcomes. */
    void applyAndLearn(SettlementEvent event) {
        state.apply(event);
        switch (event) {
            case AttemptAnswered e -> {
                Payout p = state.payouts.get(e.payoutId());
                Attempt a = p.lastAttempt();
                router.answered(a.provider(), p.currency(), p.country(), e.outcome(), e.latencyMillis());
                if (Attempt.NOT_ARRIVED.equals(e.outcome())) router.failed(a.provider(), p.currency(), p.country());
            }
            case PayoutPaid e -> {
                Payout p = state.payouts.get(e.payoutId());
                if (p.activeProvider() != null) {
                    router.paid(p.activeProvider(), p.currency(), p.country(), p.minorAmount(), e.feeMinor());
                }
            }
            case PayoutFailed e -> {
                Payout p = state.payouts.get(e.payoutId());
                if (p.activeProvider() != null) router.failed(p.activeProvider(), p.currency(), p.country());
            }
            default -> { }
        }
    }
}
