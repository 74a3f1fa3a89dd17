package dev.farthing.risk.policy;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Writes a matched rule's explanation: {@code rule NAME: DETAIL; feature=value unit, ...}. Feature names are
 * written without their {@code features.} prefix; unknown (NaN) values as {@code unknown}. Only runs for
 * matched rules, so it may allocate.
 */
final class ReasonDetails {
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private ReasonDetails() {
    }

    static Reason matched(CompiledRule compiled, PolicyActivation activation) {
        PolicyRule rule = compiled.rule();
        StringBuilder out = new StringBuilder("rule ").append(rule.name());
        if (!rule.detail().isEmpty()) {
            out.append(": ").append(rule.detail());
        }
        String separator = "; ";
        for (PolicyVariables.Variable v : compiled.referenced()) {
            out.append(separator);
            separator = ", ";
            String name = v.name().startsWith("features.") ? v.name().substring("features.".length()) : v.name();
            out.append(name).append('=').append(format(activation.value(v)));
            if (!v.unit().isEmpty()) {
                out.append(' ').append(v.unit());
            }
        }
        return new Reason(rule.code(), out.toString());
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
