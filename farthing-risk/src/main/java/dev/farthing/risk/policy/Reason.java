package dev.farthing.risk.policy;

import java.util.Objects;

/**
 * Why a rule matched: a stable snake_case {@code code} (e.g. {@code bot_regular_timing}) and a human
 * {@code detail} naming the rule, its optional explanation and the values it looked at, with units.
 */
public record Reason(String code, String detail) {
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }
}
