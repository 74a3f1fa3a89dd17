package dev.farthing.risk.engine;

import java.util.Objects;

/** Why a payment was decided as it was: a stable snake_case code and a human detail. */
public record DecisionReason(String code, String detail) {
    public DecisionReason {
        Objects.requireNonNull(code, "code");
        detail = detail == null ? "" : detail;
    }
}
