package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What features, model and policy said about one payment. {@code score} is the fraud score 0..1 (NaN when no
 * model is active); {@code features} is a short summary (the features the reasons rely on) kept in the
 * journal for audit; {@code shadowScores} are challenger models' scores by version, never used to decide.
 */
public record Assessment(Decision decision, double score, String modelVersion, String policyVersion,
                         List<DecisionReason> reasons, Map<String, Double> features, Map<String, Double> shadowScores) {
    public Assessment {
        Objects.requireNonNull(decision, "decision");
        modelVersion = modelVersion == null ? "none" : modelVersion;
        policyVersion = policyVersion == null ? "none" : policyVersion;
        reasons = List.copyOf(reasons);
        features = Map.copyOf(features);
        shadowScores = Map.copyOf(shadowScores);
    }
}
