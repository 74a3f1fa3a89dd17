package dev.farthing.risk.engine;

import dev.farthing.risk.policy.Contribution;

import java.util.List;
import java.util.Objects;

/**
 * Why a payment was decided as it was: a stable snake_case code and a human detail; for a reason that reads a
 * model's output, the model's largest per-feature {@code contributions} and the score they explain
 * ({@code explains}: "score.fraud" in log-odds, "score.anomaly" in score points, "" when none).
 */
public record DecisionReason(String code, String detail, String explains, List<Contribution> contributions) {
    public DecisionReason {
        Objects.requireNonNull(code, "code");
        detail = detail == null ? "" : detail;
        explains = explains == null ? "" : explains;
        contributions = List.copyOf(contributions);
    }

    public DecisionReason(String code, String detail) {
        this(code, detail, "", List.of());
    }
}
