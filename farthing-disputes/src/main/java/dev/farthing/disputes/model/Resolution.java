package dev.farthing.disputes.model;

import java.util.List;

/**
 * What the automatic resolution concluded: the class, every resolver's vote, and either a decision ({@code
 * automatic} true, with outcome and refund) or the reasons it escalates and the tier it asks for.
 */
public record Resolution(DisputeClass classification, List<Vote> votes, boolean automatic, DisputeOutcome outcome,
                         long refund, List<String> escalateBecause, Tier tier, boolean needsEvidence) {
    public Resolution {
        votes = List.copyOf(votes);
        escalateBecause = List.copyOf(escalateBecause);
        if (automatic && outcome == null) {
            throw new IllegalArgumentException("an automatic resolution decides an outcome");
        }
    }
}
