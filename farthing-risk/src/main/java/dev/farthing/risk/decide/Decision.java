package dev.farthing.risk.decide;

import dev.farthing.model.RiskModel;
import dev.farthing.risk.features.FeatureVector;
import dev.farthing.risk.policy.Action;
import dev.farthing.risk.policy.PolicyDecision;

import java.util.Objects;

/**
 * What the pipeline concluded for one payment: the features it saw, the model's scores (both NaN when no
 * model is active), the policy's decision, and the versions of model ({@link Decider#NO_MODEL} when none) and
 * policy that produced it.
 */
public record Decision(FeatureVector features, RiskModel.Scores scores, PolicyDecision policy, String modelVersion,
                       String policyVersion) {
    public Decision {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(policyVersion, "policyVersion");
    }

    public Action action() {
        return policy.action();
    }

    /** The fraud score 0..1, NaN when no model was active. */
    public double fraudScore() {
        return scores.fraud();
    }
}
