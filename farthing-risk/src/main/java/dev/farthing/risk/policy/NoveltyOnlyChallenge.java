package dev.farthing.risk.policy;

import dev.farthing.model.RiskModel;
import dev.farthing.risk.features.FeatureVector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Novelty is not evidence, for the model too: an ordinary first payment is not challenged for being new. The trees
 * were trained on simulated traffic where nearly every attack account is new, so they read "no history, a fresh
 * address, a payee nobody paid yet" as risk, and their score alone challenged a quarter of first payments.
 *
 * <p>The rule, after {@link EvidenceRule}'s cap, for a payment without evidence that would be challenged: when the
 * payer has no history ({@code payer_history_count} 0), the amount is at most the model's training 99th percentile,
 * every rule that challenges it reads nothing but the fraud model's output and thresholds, and the model's score <em>on the evidence families
 * alone</em> ({@link Explanation#evidenceFraudScore}: the positive TreeSHAP contributions of novelty and context
 * features taken out) is not above the challenge band, those rules are lowered to approve, with a first reason
 * {@value #CODE} saying so. A rule that reads a feature or a payment field (a linked-device rule, a model-corroborated rule) keeps its challenge, and
 * without thresholds, contributions or training statistics nothing is lowered. It never raises an action.
 */
final class NoveltyOnlyChallenge {
    static final String CODE = "novelty_only_approved";
    static final String HISTORY = "payer_history_count";
    static final String AMOUNT = "amount";

    private NoveltyOnlyChallenge() {
    }

    /** {@code capped} (a CHALLENGE for a payment without evidence), or an approval when only novelty challenged it. */
    static PolicyDecision lower(PolicyDecision capped, List<EvidenceRule.Match> matches, PolicyInput input) {
        List<String> lowered = new ArrayList<>(2);
        for (EvidenceRule.Match m : matches) {
            if (m.uncorroborated() == Action.CHALLENGE) {
                if (!m.readsFraudModel()) {
                    return capped;
                }
                lowered.add(m.rule());
            }
        }
        Explanation explanation = input.explanation();
        RiskModel model = explanation.model();
        double band = input.thresholds().challenge();
        if (model == null || !firstPayment(input.features()) || !(band >= 0)
                || !(input.payment().amount() <= model.trainingP99(AMOUNT))) {
            return capped;
        }
        double evidence = explanation.evidenceFraudScore();
        if (!(evidence <= band)) {
            return capped;
        }
        Reason note = new Reason(CODE, String.format(Locale.ROOT, "challenge lowered: a first payment of an"
                + " ordinary amount with no evidence of abuse; the model rates it %.3f, but %.3f on its velocity,"
                + " linkage, telemetry, baseline and travel features alone (challenge band %.3f): newness is not"
                + " evidence; lowered: %s", input.fraudScore(), evidence, band, String.join(", ", lowered)));
        List<Reason> reasons = new ArrayList<>(capped.reasons().size() + 1);
        reasons.add(note);
        reasons.addAll(capped.reasons());
        return new PolicyDecision(Action.APPROVE, reasons);
    }

    /** True when the engine knows no earlier payment of this payer. */
    static boolean firstPayment(FeatureVector features) {
        return features.schema().has(HISTORY) && features.get(features.schema().indexOf(HISTORY)) == 0.0;
    }
}
