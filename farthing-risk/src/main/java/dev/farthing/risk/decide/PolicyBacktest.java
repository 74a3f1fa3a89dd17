package dev.farthing.risk.decide;

import dev.farthing.model.RiskModel;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.risk.features.FeatureEngine;
import dev.farthing.risk.policy.Action;
import dev.farthing.risk.policy.PolicyDecision;
import dev.farthing.risk.policy.PolicyInput;
import dev.farthing.risk.policy.PolicySet;
import dev.farthing.risk.policy.Reason;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Replays recorded traffic through two policies to show what a candidate would change before it is activated.
 * Each payment's features are computed once, in time order, by a fresh feature engine, and scored once by the
 * model (if any); both policies judge the same features and scores. Every attempt is then recorded as moved,
 * like {@code FeatureReplay}, so the feature stream does not depend on either policy's decisions and matches
 * what the model was trained on.
 */
public final class PolicyBacktest {
    private final Decider decider;
    private final PolicySet baseline;
    private final PolicySet candidate;
    private final String modelVersion;
    private final int changedLimit;

    public PolicyBacktest(FeatureEngine freshEngine, Optional<RiskModel> model, PolicySet baseline,
                          PolicySet candidate, int changedLimit) {
        if (changedLimit < 0) {
            throw new IllegalArgumentException("changedLimit must be >= 0");
        }
        this.decider = new Decider(freshEngine, () -> model, () -> baseline);
        this.baseline = baseline;
        this.candidate = candidate;
        this.modelVersion = model.map(RiskModel::version).orElse(Decider.NO_MODEL);
        this.changedLimit = changedLimit;
    }

    /** Runs the records, which must be in time order (IllegalArgumentException names the first that is not). */
    public BacktestReport run(Stream<PaymentRecord> records) {
        Tally tally = new Tally();
        long previous = Long.MIN_VALUE;
        long index = 0;
        for (Iterator<PaymentRecord> it = records.iterator(); it.hasNext(); index++) {
            PaymentRecord r = it.next();
            if (r.atNanos() < previous) {
                throw new IllegalArgumentException("records are not in time order: record " + (index + 1) + " ("
                        + r.payment().id() + ") is earlier than the one before it");
            }
            previous = r.atNanos();
            Decision base = decider.decide(r.payment(), r.atNanos());
            PolicyDecision cand = candidate.evaluate(
                    new PolicyInput(r.payment(), base.features(), base.scores(), r.atNanos(),
                            decider.explanation(base.features())));
            tally.add(r, base.policy(), cand);
            decider.learn(r.payment(), r.atNanos(), true);
        }
        return new BacktestReport(baseline.version(), candidate.version(), modelVersion, tally.baseline,
                tally.candidate, tally.transitions, Map.copyOf(tally.scenarios), tally.reasonHits(),
                List.copyOf(tally.changed), tally.changedTotal);
    }

    private final class Tally {
        final ActionCounts baseline = new ActionCounts();
        final ActionCounts candidate = new ActionCounts();
        final long[][] transitions = new long[Action.values().length][Action.values().length];
        final Map<String, ScenarioOutcome> scenarios = new TreeMap<>();
        final List<ChangedPayment> changed = new ArrayList<>();
        final Map<String, long[]> reasons = new TreeMap<>();
        long changedTotal;

        Map<String, BacktestReport.ReasonHits> reasonHits() {
            Map<String, BacktestReport.ReasonHits> out = new TreeMap<>();
            reasons.forEach((code, hits) -> out.put(code, new BacktestReport.ReasonHits(hits[0], hits[1])));
            return Collections.unmodifiableMap(out);
        }

        void add(PaymentRecord r, PolicyDecision base, PolicyDecision cand) {
            baseline.add(base.action());
            candidate.add(cand.action());
            transitions[base.action().ordinal()][cand.action().ordinal()]++;
            ScenarioOutcome outcome = scenarios.computeIfAbsent(r.scenario(),
                    s -> new ScenarioOutcome(s, r.fraud(), new ActionCounts(), new ActionCounts()));
            outcome.baseline().add(base.action());
            outcome.candidate().add(cand.action());
            Set<String> seen = new HashSet<>(); // two rules may share a code: count the payment once
            for (Reason reason : cand.reasons()) {
                if (seen.add(reason.code())) {
                    reasons.computeIfAbsent(reason.code(), c -> new long[2])[r.fraud() ? 0 : 1]++;
                }
            }
            if (base.action() != cand.action()) {
                changedTotal++;
                if (changed.size() < changedLimit) {
                    changed.add(new ChangedPayment(r.atNanos(), r.payment().id(), r.scenario(), r.label(), base, cand));
                }
            }
        }
    }
}
