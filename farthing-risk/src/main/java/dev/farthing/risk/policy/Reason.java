package dev.farthing.risk.policy;

import java.util.List;
import java.util.Objects;

/**
 * Why a rule matched: a stable snake_case {@code code} (e.g. {@code bot_regular_timing}) and a human
 * {@code detail} naming the rule, its optional explanation and the values it looked at, with units. A rule that
 * reads a model's output also carries that model's largest per-feature {@code contributions}; {@code explains}
 * names the score they explain ({@code score.fraud}, in log-odds, or {@code score.anomaly}, in score points),
 * "" when there are none.
 */
public record Reason(String code, String detail, String explains, List<Contribution> contributions) {
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        explains = explains == null ? "" : explains;
        contributions = List.copyOf(contributions);
    }

    public Reason(String code, String detail) {
        this(code, detail, "", List.of());
    }
}
