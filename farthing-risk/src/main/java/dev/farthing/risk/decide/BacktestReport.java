package dev.farthing.risk.decide;

import dev.farthing.risk.policy.Action;

import java.util.List;
import java.util.Map;

/**
 * What a {@link PolicyBacktest} found: decision counts of each policy, the baseline x candidate transition
 * matrix ({@code transitions[baseline.ordinal()][candidate.ordinal()]}), outcomes per scenario, how often each
 * of the candidate's reason codes fired on fraud and on legit payments (what to tune), and the first changed
 * payments (at most the limit asked for; {@code changedTotal} counts them all).
 */
public record BacktestReport(String baselineVersion, String candidateVersion, String modelVersion,
                             ActionCounts baseline, ActionCounts candidate, long[][] transitions,
                             Map<String, ScenarioOutcome> scenarios, Map<String, ReasonHits> candidateReasons,
                             List<ChangedPayment> changed, long changedTotal) {

    /** How many fraud and legit payments a reason code appeared on. */
    public record ReasonHits(long fraud, long legit) {
    }

    public long total() {
        return baseline.total();
    }

    public long transitions(Action from, Action to) {
        return transitions[from.ordinal()][to.ordinal()];
    }
}
