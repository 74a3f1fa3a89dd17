package dev.farthing.risk.policy;

import dev.farthing.risk.features.FeatureVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Novelty is not evidence: the cap every policy decision passes through, whatever the policy says. A decline
 * or a review stands only when the payment shows evidence of abuse: a feature of an evidence family (velocity,
 * linkage, telemetry, amount-vs-baseline) beyond its normal band in the feature catalogue, or a hard rule (one
 * reading only the request's money and identity fields: a limit, a block list). Without either, the payment
 * is at most challenged: a first payment, a new device or payee, a shared address, a missing field and the
 * model's score on them are each normal, and together they only ask the payer to confirm. A rule that failed
 * to evaluate keeps its REVIEW (a broken policy is not a novelty). The cap never raises an action.
 */
final class EvidenceRule {
    static final String CODE = "downgraded_no_evidence";

    private EvidenceRule() {
    }

    /**
     * One matched rule: its name, action and reason, the most it may decide without evidence
     * ({@link #UNCORROBORATED} for an ordinary rule, DECLINE for a hard rule, REVIEW for a rule that failed), and
     * whether its condition reads the fraud model's output.
     */
    record Match(String rule, Action action, Reason reason, Action withoutEvidence, boolean readsFraudModel) {
        /** The most this rule decides for a payment without evidence. */
        Action uncorroborated() {
            return min(action, withoutEvidence);
        }
    }

    /** The most a payment without evidence can get from an ordinary rule. */
    static final Action UNCORROBORATED = Action.CHALLENGE;

    /** True when {@code features} show evidence of abuse on their own. */
    static boolean hasEvidence(FeatureVector features) {
        return features.schema().hasEvidence(features.values());
    }

    /**
     * The decision for {@code matches} (sorted most severe first): their most severe action, capped at
     * CHALLENGE for the non-exempt ones when the features show no evidence, with a first reason saying so.
     */
    static PolicyDecision decide(List<Match> matches, PolicyInput input) {
        if (hasEvidence(input.features())) {
            return new PolicyDecision(matches.getFirst().action(), reasons(matches, null));
        }
        PolicyDecision capped = cap(matches);
        return capped.action() == Action.CHALLENGE ? NoveltyOnlyChallenge.lower(capped, matches, input) : capped;
    }

    /** The decision for a payment without evidence: {@code matches} with their declines and reviews lowered. */
    private static PolicyDecision cap(List<Match> matches) {
        Action raw = matches.getFirst().action();
        if (raw.compareTo(UNCORROBORATED) <= 0) {
            return new PolicyDecision(raw, reasons(matches, null));
        }
        Action capped = Action.APPROVE;
        List<String> lowered = new ArrayList<>(2);
        Action highestLowered = Action.APPROVE;
        for (Match m : matches) {
            Action effective = m.uncorroborated();
            if (effective != m.action()) {
                lowered.add(m.rule());
                highestLowered = highestLowered.max(m.action());
            }
            capped = capped.max(effective);
        }
        if (lowered.isEmpty()) {
            return new PolicyDecision(raw, reasons(matches, null));
        }
        String what = highestLowered == Action.DECLINE ? "declined" : "review";
        Reason note = new Reason(CODE, what + " downgraded: no corroborating evidence (no velocity, linkage,"
                + " telemetry or amount-vs-baseline feature beyond its normal band, no hard rule); novelty and the"
                + " model's score alone can at most challenge; lowered: " + String.join(", ", lowered));
        return new PolicyDecision(capped, reasons(matches, note));
    }

    static List<Reason> reasons(List<Match> matches, Reason first) {
        List<Reason> out = new ArrayList<>(matches.size() + 1);
        if (first != null) {
            out.add(first);
        }
        for (Match m : matches) {
            out.add(m.reason());
        }
        return out;
    }

    private static Action min(Action a, Action b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
