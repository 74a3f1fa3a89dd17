package dev.farthing.simulator.eval;

import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.risk.decide.Decider;
import dev.farthing.risk.decide.Decision;
import dev.farthing.risk.policy.Action;
import dev.farthing.risk.policy.Reason;
import dev.farthing.simulator.Simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs recorded traffic, in time order, through the decision pipeline as the online engine would: decide,
 * then learn. Money "moves" when a payment is approved, or challenged and the step-up is passed — people pass
 * challenges, attackers fail them; held payments wait for review and move nothing meanwhile. Payments before
 * {@code scoreFrom} (the warm-up) are decided and learned from but not counted.
 */
public final class DetectionHarness {
    private static final String WHAT = "decision latency in-process (features + model + policy)";
    private DetectionHarness() {
    }

    /** Evaluates a simulation's window, after feeding its warm-up. */
    public static QualityReport evaluate(String label, Simulation sim, Decider decider) {
        return evaluate(label, sim.records(), sim.cohorts(), decider, sim.config().startNanos());
    }

    public static QualityReport evaluate(String label, Iterable<PaymentRecord> records, Decider decider, long scoreFrom) {
        return evaluate(label, records, Map.of(), decider, scoreFrom);
    }

    /** {@code cohortOf}: payment id to a legitimate cohort reported on its own (viral bursts). */
    public static QualityReport evaluate(String label, Iterable<PaymentRecord> records, Map<String, String> cohortOf,
                                         Decider decider, long scoreFrom) {
        TreeMap<String, Tally> scenarios = new TreeMap<>();
        TreeMap<String, Tally> campaigns = new TreeMap<>();
        TreeMap<String, Tally> cohorts = new TreeMap<>();
        long[] latencies = new long[1 << 16];
        int n = 0;
        for (PaymentRecord r : records) {
            long t0 = System.nanoTime();
            Decision d = decider.decide(r.payment(), r.atNanos());
            long elapsed = System.nanoTime() - t0;
            Action action = d.action();
            boolean moved = action == Action.APPROVE || (action == Action.CHALLENGE && !r.fraud());
            decider.learn(r.payment(), r.atNanos(), moved);
            if (r.atNanos() < scoreFrom) {
                continue;
            }
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = elapsed;
            List<String> codes = d.policy().reasons().stream().map(Reason::code).toList();
            scenarios.computeIfAbsent(r.scenario(), k -> new Tally()).add(action, codes);
            if (r.campaign() != null) {
                campaigns.computeIfAbsent(r.campaign(), k -> new Tally()).add(action, codes);
            }
            String cohort = cohortOf.get(r.payment().id());
            if (cohort != null) {
                cohorts.computeIfAbsent(cohort, k -> new Tally()).add(action, codes);
            }
        }
        return new QualityReport(label, scenarios, campaigns, cohorts, latency(Arrays.copyOf(latencies, n)));
    }

    private static QualityReport.Latency latency(long[] nanos) {
        if (nanos.length == 0) {
            return new QualityReport.Latency(WHAT, Double.NaN, Double.NaN, Double.NaN);
        }
        Arrays.sort(nanos);
        return new QualityReport.Latency(WHAT, nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3,
                nanos[nanos.length - 1] / 1e3);
    }
}
