package dev.farthing.compliance.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs the recall and false-hit measurements of docs/SCREENING.md and keeps the misses for the report. */
final class ScreeningQualityRun {
    record Recall(int cases, int found, List<String> misses) {
        double rate() { return (double) found / cases; }
    }

    record FalseHits(int queries, int alerted, List<String> examples) {
        double rate() { return (double) alerted / queries; }
    }

    private ScreeningQualityRun() {}

    /** A case counts when its entry is among the top 3 alerts, ties with equal score sharing a rank. */
    static Recall recall(Screener screener, List<PerturbedQueries.Case> cases) {
        return recall(screener, cases, screener.alertThreshold());
    }

    static FalseHits falseHits(Screener screener, List<ScreeningQuery> ordinary) {
        return falseHits(screener, ordinary, screener.alertThreshold());
    }

    static Recall recall(Screener screener, List<PerturbedQueries.Case> cases, double threshold) {
        int found = 0;
        List<String> misses = new ArrayList<>();
        for (PerturbedQueries.Case c : cases) {
            List<ScreeningHit> hits = screener.searchDownTo(c.query(), threshold).hits();
            double expected = -1;
            for (ScreeningHit h : hits) if (h.entityId().equals(c.expectedEntityId())) { expected = h.score(); break; }
            int better = 0;
            for (ScreeningHit h : hits) if (h.score() > expected) better++;
            if (expected >= 0 && better < 3) found++;
            else if (misses.size() < 40) {
                misses.add(String.format(Locale.ROOT, "%s <- '%s' [%s] dob=%s country=%s: %s", c.listedName(),
                    c.query().name(), c.perturbation(), c.query().birthDate(), c.query().country(),
                    expected < 0 ? "not alerted" + (hits.isEmpty() ? "" : ", top " + hits.getFirst().matchedName() + " " + hits.getFirst().score())
                        : "rank " + (better + 1) + " at " + expected));
            }
        }
        return new Recall(cases.size(), found, misses);
    }

    static FalseHits falseHits(Screener screener, List<ScreeningQuery> ordinary, double threshold) {
        int alerted = 0;
        List<String> examples = new ArrayList<>();
        for (ScreeningQuery q : ordinary) {
            List<ScreeningHit> hits = screener.searchDownTo(q, threshold).hits();
            if (hits.isEmpty()) continue;
            alerted++;
            if (examples.size() < 40) {
                ScreeningHit h = hits.getFirst();
                examples.add(String.format(Locale.ROOT, "'%s' dob=%s country=%s -> %s / %s %.3f", q.name(), q.birthDate(),
                    q.country(), h.entityId(), h.matchedName(), h.score()));
            }
        }
        return new FalseHits(ordinary.size(), alerted, examples);
    }
}
