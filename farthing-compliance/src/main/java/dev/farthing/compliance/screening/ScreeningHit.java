package dev.farthing.compliance.screening;

import java.util.List;

/**
 * One listed entry that matched, with its best-matching name and the reasons for its score, in words.
 *
 * @param name        the entry's primary name
 * @param matchedName the listed name (primary or alias) that matched best
 * @param score       0..1, graded; never 1.0
 */
public record ScreeningHit(String entityId, ListSource list, String name, String matchedName, double score,
                           List<String> explanation) {
    public ScreeningHit {
        explanation = List.copyOf(explanation);
        assert score >= 0 && score < 1 : "score out of range: " + score;
    }
}
