package dev.farthing.risk.policy;

import java.util.Objects;

/**
 * How much one feature moved a model's score for one payment: the feature, its value ({@code NaN} when unknown)
 * in its schema unit, and its contribution (log-odds for the fraud model, score points for the anomaly model).
 */
public record Contribution(String feature, double value, String unit, double contribution) {
    public Contribution {
        Objects.requireNonNull(feature, "feature");
        unit = unit == null ? "" : unit;
    }
}
