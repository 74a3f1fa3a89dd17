package dev.farthing.risk.policy;

/**
 * One rule as written in a policy file: its {@code name} (explicit, or {@code <code>@<line>}), the CEL
 * {@code condition}, the {@code action} and reason {@code code} it maps to, the optional human {@code detail}
 * text (empty when absent) and the 1-based {@code line} where the rule starts.
 */
public record PolicyRule(String name, String condition, Action action, String code, String detail, int line) {
}
