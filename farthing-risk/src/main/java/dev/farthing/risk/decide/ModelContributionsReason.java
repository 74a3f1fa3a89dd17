package dev.farthing.risk.decide;

import dev.farthing.risk.policy.Explanation;
import dev.farthing.risk.policy.PolicyDecision;
import dev.farthing.risk.policy.Reason;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code model_contributions} reason: every decision by an explainable model carries the model's largest
 * TreeSHAP contributions, approved ones included, so a reviewer or a user can see what moved the score. Added
 * only when no matched rule already carries the fraud model's contributions; it changes no action.
 */
final class ModelContributionsReason {
    static final String CODE = "model_contributions";
    private static final String DETAIL = "the largest contributions to the fraud model's score (log-odds)";

    private ModelContributionsReason() {
    }

    static PolicyDecision add(PolicyDecision decision, Explanation explanation) {
        if (!explanation.explainsFraud()) {
            return decision;
        }
        for (Reason r : decision.reasons()) {
            if (r.explains().equals("score.fraud")) {
                return decision;
            }
        }
        List<Reason> reasons = new ArrayList<>(decision.reasons().size() + 1);
        reasons.addAll(decision.reasons());
        reasons.add(new Reason(CODE, DETAIL, "score.fraud", explanation.topFraud()));
        return new PolicyDecision(decision.action(), reasons);
    }
}
