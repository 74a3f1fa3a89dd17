package dev.farthing.risk.decide;

import dev.farthing.model.guard.OodCheck;
import dev.farthing.model.guard.TrainingStats;
import dev.farthing.risk.policy.PolicyDecision;
import dev.farthing.risk.policy.Reason;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code model_out_of_distribution} reason: which features lay far outside the model's training range and
 * how much of the model's opinion was kept. Added after the policy's own reasons; it changes no action.
 */
final class OutOfDistributionReason {
    static final String CODE = "model_out_of_distribution";

    private OutOfDistributionReason() {
    }

    static PolicyDecision add(PolicyDecision decision, OodCheck ood) {
        List<Reason> reasons = new ArrayList<>(decision.reasons().size() + 1);
        reasons.addAll(decision.reasons());
        reasons.add(new Reason(CODE, "the payment lies far outside the model's training data (more than "
                + (int) TrainingStats.FAR_SPREADS + " IQRs beyond the training p0.1..p99.9) in "
                + String.join(", ", ood.farFeatures()) + "; the fraud score keeps " + Math.round(ood.weight() * 100)
                + "% of the model's opinion, the rest is the training base rate"));
        return new PolicyDecision(decision.action(), reasons);
    }
}
