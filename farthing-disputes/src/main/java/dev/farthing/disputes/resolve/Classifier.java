package dev.farthing.disputes.resolve;

import dev.farthing.disputes.evidence.Gathered;
import dev.farthing.disputes.model.DisputeClass;

/**
 * Technical, content, fraud or friendly fraud: by rules on the reason and the facts, and a claim the model is
 * confident is wrong (p &lt;= 0.2) with the goods delivered or the device known is friendly fraud.
 */
public final class Classifier {
    private Classifier() {
    }

    public static DisputeClass classify(Case c, double modelProbability) {
        Gathered g = c.gathered();
        DisputeClass byRules = switch (c.request().reason()) {
            case NOT_DELIVERED -> g.delivered() && g.consumed() ? DisputeClass.FRIENDLY_FRAUD : DisputeClass.TECHNICAL;
            case DUPLICATE, AMOUNT_WRONG -> DisputeClass.TECHNICAL;
            case UNAUTHORIZED -> g.compellingEvidence3() && (g.payment() == null || g.payment().riskApproved())
                    ? DisputeClass.FRIENDLY_FRAUD : DisputeClass.FRAUD;
            case NOT_AS_DESCRIBED -> g.progress() >= 0.95 && g.history().lost() > 0
                    ? DisputeClass.FRIENDLY_FRAUD : DisputeClass.CONTENT;
        };
        if (byRules != DisputeClass.FRIENDLY_FRAUD && modelProbability <= 0.2 && (g.consumed() || g.compellingEvidence3())) {
            return DisputeClass.FRIENDLY_FRAUD;
        }
        return byRules;
    }
}
