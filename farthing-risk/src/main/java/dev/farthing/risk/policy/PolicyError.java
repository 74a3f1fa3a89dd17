package dev.farthing.risk.policy;

/**
 * One problem in a policy source: the rule it belongs to (null when outside any rule), its 1-based line and
 * column in the policy file, and what is wrong.
 */
public record PolicyError(String rule, int line, int column, String message) {
    @Override
    public String toString() {
        return line + ":" + column + (rule == null ? "" : " rule " + rule) + ": " + message;
    }
}
