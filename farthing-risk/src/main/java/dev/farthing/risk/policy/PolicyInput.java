package dev.farthing.risk.policy;

import dev.farthing.model.RiskModel;
import dev.farthing.model.calibration.ScoreThresholds;
import dev.farthing.risk.features.FeatureVector;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.Objects;

/**
 * Everything a policy may look at for one payment. {@code scores} is null when no model is active: rules
 * then see {@code score.fraud} and {@code score.anomaly} as NaN (unknown), so comparisons on them are false.
 * {@code atNanos} is the payment's ledger time (nanoseconds since the epoch). {@code thresholds} are the active
 * model's bands ({@code model.*_threshold}); {@link ScoreThresholds#NONE} (NaN) without a model or thresholds.
 * {@code explanation} computes the model's per-feature contributions when a rule reads them or a matched rule
 * is explained by them.
 */
public record PolicyInput(PaymentRequest payment, FeatureVector features, RiskModel.Scores scores, long atNanos,
                          ScoreThresholds thresholds, Explanation explanation) {
    public PolicyInput {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(thresholds, "thresholds (use ScoreThresholds.NONE)");
        explanation = explanation == null ? Explanation.NONE : explanation;
    }

    /** An input without model thresholds or contributions. */
    public PolicyInput(PaymentRequest payment, FeatureVector features, RiskModel.Scores scores, long atNanos) {
        this(payment, features, scores, atNanos, ScoreThresholds.NONE, Explanation.NONE);
    }

    /** An input with model thresholds, without contributions ({@code contribution.*} reads as unknown). */
    public PolicyInput(PaymentRequest payment, FeatureVector features, RiskModel.Scores scores, long atNanos,
                       ScoreThresholds thresholds) {
        this(payment, features, scores, atNanos, thresholds, Explanation.NONE);
    }

    /** An input with contributions, without model thresholds. */
    public PolicyInput(PaymentRequest payment, FeatureVector features, RiskModel.Scores scores, long atNanos,
                       Explanation explanation) {
        this(payment, features, scores, atNanos, ScoreThresholds.NONE, explanation);
    }

    public double fraudScore() {
        return scores == null ? Double.NaN : scores.fraud();
    }

    public double anomalyScore() {
        return scores == null ? Double.NaN : scores.anomaly();
    }
}
