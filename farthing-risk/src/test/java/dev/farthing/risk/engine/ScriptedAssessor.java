package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test double of the features → model → policy pipeline: the decision is named by the payment id's prefix
 * ({@code approve-}, {@code challenge-}, {@code review-}, {@code decline-}), and its "feature state" is the
 * number of attempts and of moved payments recorded per payer, so tests can check what a restart rebuilt.
 */
final class ScriptedAssessor implements Assessor {
    final Map<String, Integer> attemptsByPayer = new HashMap<>();
    final Map<String, Integer> movedByPayer = new HashMap<>();
    long lastRecordedAt;

    @Override
    public Assessment assess(PaymentRequest p, long atNanos) {
        Decision d = p.id().startsWith("challenge-") ? Decision.CHALLENGED
                : p.id().startsWith("review-") ? Decision.HELD_FOR_REVIEW
                : p.id().startsWith("decline-") ? Decision.DECLINED : Decision.APPROVED;
        double score = switch (d) {
            case APPROVED -> 0.01;
            case CHALLENGED -> 0.5;
            case HELD_FOR_REVIEW -> 0.7;
            case DECLINED -> 0.99;
        };
        int seen = attemptsByPayer.getOrDefault(p.payer(), 0);
        return new Assessment(d, score, "model-test", "policy-test",
                d == Decision.APPROVED ? List.of() : List.of(new DecisionReason("scripted_" + d.wire(), "by id prefix")),
                Map.of("payer_count_total", (double) seen), Map.of());
    }

    @Override
    public void record(PaymentRequest p, long atNanos, boolean moved) {
        if (atNanos <= lastRecordedAt) {
            throw new AssertionError("recorded out of time order: " + atNanos + " after " + lastRecordedAt);
        }
        lastRecordedAt = atNanos;
        attemptsByPayer.merge(p.payer(), 1, Integer::sum);
        if (moved) {
            movedByPayer.merge(p.payer(), 1, Integer::sum);
        }
    }
}
