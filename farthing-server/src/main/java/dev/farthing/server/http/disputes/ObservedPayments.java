package dev.farthing.server.http.disputes;

import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.disputes.evidence.PaymentFacts;
import dev.farthing.risk.engine.DecisionReason;
import dev.farthing.risk.engine.PaymentResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of recent payments as they were submitted (device, address, submitting key: what the risk engine's
 * answer does not carry), kept in memory for dispute evidence: at most {@code maxPayments}, the oldest forgotten
 * first, and the newest {@code PER_PAYER} per payer for device and address matching. Not durable: after a restart
 * a disputed payment's facts come from the risk engine and the ledger, without device, address or key.
 */
final class ObservedPayments {
    static final int PER_PAYER = 256;
    private final int maxPayments;
    private final LinkedHashMap<String, PaymentFacts> byId;
    private final LinkedHashMap<String, ArrayDeque<String>> byPayer;

    ObservedPayments(int maxPayments) {
        this.maxPayments = maxPayments;
        this.byId = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PaymentFacts> eldest) {
                return size() > ObservedPayments.this.maxPayments;
            }
        };
        this.byPayer = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<String>> eldest) {
                return size() > ObservedPayments.this.maxPayments;
            }
        };
    }

    synchronized void paid(PaymentRequest p, PaymentResult r, String keyId) {
        PaymentFacts f = facts(p, r, keyId);
        byId.put(p.id(), f);
        ArrayDeque<String> ids = byPayer.computeIfAbsent(p.payer(), k -> new ArrayDeque<>());
        ids.addFirst(p.id());
        if (ids.size() > PER_PAYER) ids.removeLast();
    }

    synchronized PaymentFacts get(String id) {
        return byId.get(id);
    }

    /** The payer's remembered payments, newest first. */
    synchronized List<PaymentFacts> ofPayer(String payer) {
        List<PaymentFacts> out = new ArrayList<>();
        for (String id : byPayer.getOrDefault(payer, new ArrayDeque<>())) {
            PaymentFacts f = byId.get(id);
            if (f != null) out.add(f);
        }
        return out;
    }

    static PaymentFacts facts(PaymentRequest p, PaymentResult r, String keyId) {
        List<String> ids = r.transferIds();
        return new PaymentFacts(p.id(), p.payer(), p.payee(), p.amount(), p.currency(),
                ids.isEmpty() ? p.id() : ids.getFirst(), p.fee() == null ? null : p.fee().account(),
                p.fee() == null ? 0 : p.fee().amount(), ids.size() > 1 ? ids.get(1) : null, r.decision().wire(),
                r.score(), r.reasons().stream().map(DecisionReason::code).toList(), p.context().deviceId(),
                p.context().ip(), keyId, r.decidedAt());
    }
}
