package dev.farthing.risk.policy;

import dev.farthing.model.RiskModel;
import dev.farthing.risk.features.FeatureVector;
import dev.farthing.risk.payment.PaymentRequest;

import java.util.Objects;

/**
 * Everything a policy may look at for one payment. {@code scores} is null when no model is active: rules
 * then see {@code score.fraud} and {@code score.anomaly} as NaN (unknown), so comparisons on them are false.
 * {@code atNanos} is the payment's ledger time (nanoseconds since the epoch). {@code explanation} computes the
 * model's per-feature contributions when a rule reads them or a matched rule is explained by them.
 */
public record PolicyInput(PaymentRequest payment, FeatureVector features, RiskModel.Scores scores, long atNanos,
                          Explanation explanation) {
    public PolicyInput {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(features, "features");
        explanation = explanation == null ? Explanation.NONE : explanation;
    }

    /** An input without contributions ({@code contribution.*} reads as unknown). */
    public PolicyInput(PaymentRequest payment, FeatureVector features, RiskModel.Scores scores, long atNanos) {
        this(payment, features, scores, atNanos, Explanation.NONE);
    }

    public double fraudScore() {
        return scores == null ? Double.NaN : scores.fraud();
    }

    public double anomalyScore() {
        return scores == null ? Double.NaN : scores.anomaly();
    }
}
