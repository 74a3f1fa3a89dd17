package dev.farthing.simulator.drive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.risk.policy.Action;
import dev.farthing.simulator.eval.QualityReport;
import dev.farthing.simulator.eval.Tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What a server decided for driven traffic, per scenario and campaign, with client and server latency. */
public final class DriveReport {
    private final TreeMap<String, Tally> scenarios = new TreeMap<>();
    private final TreeMap<String, Tally> campaigns = new TreeMap<>();
    private final Map<String, long[]> latencies = new HashMap<>();
    private final Map<String, Integer> latencyCounts = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private long serverLatencySumUs;
    private long warmUp;
    private long late;
    private boolean cutShort;
    private long failed;
    private long elapsedNanos;

    synchronized void decided(PaymentRecord r, Action action, JsonNode reasons, long clientMicros, long serverMicros) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(reason -> codes.add(reason.path("code").asText()));
        scenarios.computeIfAbsent(r.scenario(), k -> new Tally()).add(action, codes);
        if (r.campaign() != null) {
            campaigns.computeIfAbsent(r.campaign(), k -> new Tally()).add(action, codes);
        }
        int n = latencyCounts.merge(r.scenario(), 1, Integer::sum);
        long[] list = latencies.computeIfAbsent(r.scenario(), k -> new long[1024]);
        if (n > list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            latencies.put(r.scenario(), list);
        }
        list[n - 1] = clientMicros;
        serverLatencySumUs += Math.max(0, serverMicros);
    }

    synchronized void failed(PaymentRecord r, String why) {
        failed++;
        if (failures.size() < 10) {
            failures.add(r.payment().id() + ": " + why);
        }
    }

    synchronized void warmedUp() {
        warmUp++;
    }

    synchronized void late() {
        late++;
    }

    synchronized void cutShort() {
        cutShort = true;
    }

    /** Whether the time limit stopped the replay before its last payment (a partial day). */
    public synchronized boolean wasCutShort() {
        return cutShort;
    }

    /** Payments sent more than a second after their scheduled time (the client could not keep up). */
    public synchronized long lateCount() {
        return late;
    }

    synchronized void finish(long nanos) {
        elapsedNanos = nanos;
    }

    /** Decisions as a quality report (latency there is the client-side round trip over all scenarios). */
    public synchronized QualityReport quality(String label) {
        long[] all = latencies.entrySet().stream()
                .flatMapToLong(e -> Arrays.stream(e.getValue(), 0, latencyCounts.get(e.getKey()))).sorted().toArray();
        String what = "HTTP round trip of POST /v1/payments";
        QualityReport.Latency latency = all.length == 0 ? new QualityReport.Latency(what, Double.NaN, Double.NaN, Double.NaN)
                : new QualityReport.Latency(what, all[all.length / 2], all[(int) (all.length * 0.99)], all[all.length - 1]);
        return new QualityReport(label, new TreeMap<>(scenarios), new TreeMap<>(campaigns), latency);
    }

    public synchronized String format(String label) {
        StringBuilder out = new StringBuilder(quality(label).format());
        long decided = scenarios.values().stream().mapToLong(Tally::total).sum();
        out.append(String.format(Locale.ROOT, "sent %d payments (%d of them warm-up, not scored) in %.1f s (%.0f/s), %d failed, "
                        + "%d sent over a second late%s; mean server-side latency %.0f us%n",
                decided + failed + warmUp, warmUp, elapsedNanos / 1e9, (decided + failed + warmUp) / (elapsedNanos / 1e9), failed,
                late, cutShort ? ", cut short by the time limit" : "",
                decided == 0 ? Double.NaN : (double) serverLatencySumUs / decided));
        out.append("HTTP round trip per scenario (us):");
        new TreeMap<>(latencies).forEach((scenario, list) -> {
            long[] sorted = Arrays.copyOf(list, latencyCounts.get(scenario));
            Arrays.sort(sorted);
            out.append(String.format(Locale.ROOT, " %s p50=%d p99=%d", scenario, sorted[sorted.length / 2],
                    sorted[(int) (sorted.length * 0.99)]));
        });
        out.append('\n');
        failures.forEach(f -> out.append("failed: ").append(f).append('\n'));
        return out.toString();
    }

    public synchronized long failedCount() {
        return failed;
    }
}
