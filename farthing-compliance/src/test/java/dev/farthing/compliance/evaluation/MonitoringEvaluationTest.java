package dev.farthing.compliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.farthing.compliance.monitoring.Alert;
import dev.farthing.compliance.monitoring.MonitoringRules;
import dev.farthing.compliance.monitoring.TransactionMonitor;
import dev.farthing.contracts.audit.AuditSink;
import dev.farthing.ledger.api.EventPage;
import dev.farthing.ledger.api.EventPosition;
import dev.farthing.ledger.api.LedgerEventTail;
import dev.farthing.ledger.api.TailedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring targets (issue 11: alert recall >= 95% per pattern, <= 2% of ordinary customers alerted in a
 * month) measured on {@link LaunderingTraffic}, which is not generated from the rules. Quick by default (2,000
 * customers, 50 of each pattern); {@code -Dfarthing.aml.full=true} runs 20,000 and 500. Asserts what is met today
 * (so a regression fails), prints every number. Seed: {@code -Dfarthing.seed=N}.
 */
class MonitoringEvaluationTest {
    @TempDir Path dir;

    /** A ledger tail over a fixed list of events (positions batch 1..n, index 0). */
    private record ListTail(List<TailedEvent> events) implements LedgerEventTail {
        @Override
        public EventPage read(EventPosition after, int max) {
            int from = (int) Math.min(after.batch(), events.size());
            List<TailedEvent> page = events.subList(from, Math.min(events.size(), from + max));
            return new EventPage(page, page.isEmpty() ? after : page.getLast().position(), head());
        }

        @Override
        public EventPage await(EventPosition after, int max, Duration timeout) {
            return read(after, max);
        }

        @Override
        public EventPosition head() {
            return events.isEmpty() ? EventPosition.START : events.getLast().position();
        }
    }

    @Test
    void alertRecallPerPatternAndOrdinaryCustomersAlerted() {
        boolean full = Boolean.getBoolean("farthing.aml.full");
        long seed = Long.getLong("farthing.seed", 8008);
        MonitoringRules rules = "aml-1".equals(System.getProperty("farthing.aml.rules")) ? MonitoringRules.first() : MonitoringRules.defaults();
        int customers = full ? 20_000 : 2_000;
        int perPattern = full ? 500 : 50;
 System.out.println("monitoring evaluation: rules " + rules.version() + ", seed " + seed + ", " + customers + " customers, " + perPattern + " per pattern");
        LaunderingTraffic traffic = new LaunderingTraffic(seed).ordinaryCustomers(customers).patterns(perPattern);
        List<TailedEvent> events = traffic.events();
        Map<String, List<Alert>> bySubject = new HashMap<>();
        long started = System.nanoTime();
        try (TransactionMonitor m = TransactionMonitor.open(dir, new ListTail(events), rules,
                Map.of("USD", 2), a -> bySubject.computeIfAbsent(a.subject(), k -> new ArrayList<>()).add(a),
                AuditSink.NONE, 10_000_000)) {
            m.catchUp();
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("  %,d events in %,d ms%n", events.size(), ms);

        Map<String, double[]> recall = new TreeMap<>();
        for (Map.Entry<String, String> l : traffic.launderers.entrySet()) {
            double[] r = recall.computeIfAbsent(l.getValue(), k -> new double[2]);
            r[1]++;
            if (bySubject.containsKey(l.getKey())) r[0]++;
        }
        recall.forEach((p, r) -> System.out.printf("  recall %-20s %5.1f%% (%d/%d)%n", p, 100 * r[0] / r[1], (int) r[0], (int) r[1]));
        Set<String> ordinary = Set.copyOf(traffic.ordinary);
        Map<String, Integer> falseByScenario = new TreeMap<>();
        int alerted = 0;
        for (String c : ordinary) {
            List<Alert> a = bySubject.get(c);
            if (a == null) continue;
            alerted++;
            a.forEach(x -> falseByScenario.merge(x.scenario().wire(), 1, Integer::sum));
            if (Boolean.getBoolean("farthing.aml.explain")) a.forEach(x -> System.out.println("    " + c + " " + x.scenario().wire() + ": " + x.reason()));
        }
        double rate = 100.0 * alerted / ordinary.size();
        System.out.printf("  ordinary customers alerted %.2f%% (%d/%d), alerts by scenario %s%n", rate, alerted, ordinary.size(), falseByScenario);
        bySubject.keySet().stream().filter(s -> s.startsWith("merchant") || s.startsWith("employer") || s.equals("car-dealer"))
                .forEach(s -> System.out.println("  business alerted: " + s + " " + bySubject.get(s).stream().map(x -> x.scenario().wire()).toList()));

        assertThat(recall.keySet()).containsExactlyInAnyOrderElementsOf(LaunderingTraffic.PATTERNS);
        if (rules.version().equals("aml-1")) return; // a measurement of the first rules: they miss both targets
        assertThat(rate).as("ordinary customers alerted in the month").isLessThanOrEqualTo(2.0);
        // what aml-2 meets on fresh seeds (docs/AML.md), less sampling slack: a regression fails; 95% is not met by fan-in
        recall.forEach((p, r) -> assertThat(r[0] / r[1]).as("recall of " + p).isGreaterThanOrEqualTo(0.85));
    }
}
