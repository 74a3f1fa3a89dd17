package dev.farthing.risk.policy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Writes a matched rule's explanation: {@code rule NAME: DETAIL; feature=value unit, ...}. Feature names are
 * written without their {@code features.} prefix; unknown (NaN) values as {@code unknown}. A rule that reads
 * {@code score.fraud} or {@code contribution.*} (else {@code score.anomaly}) is explained by that model's
 * largest contributions, which the reason carries and its detail lists in place of the bare score:
 * {@code model rates this 0.93: payer_count_1m=14 (+1.8), ...} (log-odds), or
 * {@code anomaly score 0.81: ...} (score points). Only runs for matched rules, so it may allocate.
 */
final class ReasonDetails {
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private ReasonDetails() {
    }

    private static final MathContext TWO_DIGITS = new MathContext(2);

    static Reason matched(CompiledRule compiled, PolicyActivation activation) {
        PolicyRule rule = compiled.rule();
        StringBuilder out = new StringBuilder("rule ").append(rule.name());
        if (!rule.detail().isEmpty()) {
            out.append(": ").append(rule.detail());
        }
        Explanation explanation = activation.input().explanation();
        String explains = explainedScore(compiled, explanation);
        List<Contribution> top = switch (explains) {
            case "score.fraud" -> explanation.topFraud();
            case "score.anomaly" -> explanation.topAnomaly();
            default -> List.of();
        };
        String separator = "; ";
        if (!explains.isEmpty()) {
            double score = explains.equals("score.fraud") ? activation.input().fraudScore()
                    : activation.input().anomalyScore();
            out.append(separator).append(explains.equals("score.fraud") ? "model rates this " : "anomaly score ")
                    .append(format(score)).append(':');
            String between = " ";
            for (Contribution c : top) {
                out.append(between).append(c.feature()).append('=').append(format(c.value())).append(" (")
                        .append(signed(c.contribution())).append(')');
                between = ", ";
            }
        }
        for (PolicyVariables.Variable v : compiled.referenced()) {
            if (v.name().equals(explains)) {
                continue; // already written with its contributions
            }
            out.append(separator);
            separator = ", ";
            String name = v.name().startsWith("features.") ? v.name().substring("features.".length()) : v.name();
            out.append(name).append('=').append(format(activation.value(v)));
            if (!v.unit().isEmpty()) {
                out.append(' ').append(v.unit());
            }
        }
        return new Reason(rule.code(), out.toString(), explains, top);
    }

    /** The score a matched rule is explained by, "" when it reads no model output or the model cannot say. */
    private static String explainedScore(CompiledRule compiled, Explanation explanation) {
        boolean fraud = false;
        boolean anomaly = false;
        for (PolicyVariables.Variable v : compiled.referenced()) {
            fraud |= PolicyVariables.explainedByFraudModel(v);
            anomaly |= v.name().equals("score.anomaly");
        }
        if (fraud && explanation.explainsFraud()) {
            return "score.fraud";
        }
        return anomaly && explanation.explainsAnomaly() ? "score.anomaly" : "";
    }

    private static String signed(double contribution) {
        String digits = new BigDecimal(contribution).round(TWO_DIGITS).stripTrailingZeros().toPlainString();
        return contribution >= 0 ? "+" + digits : digits;
    }

    static Reason failed(PolicyRule rule, Exception error) {
        return new Reason("policy_rule_error", "rule " + rule.name() + " (line " + rule.line()
                + ") could not be evaluated: " + error.getMessage());
    }

    static String format(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "unknown";
            }
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return new BigDecimal(d).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        return String.valueOf(value);
    }
}
