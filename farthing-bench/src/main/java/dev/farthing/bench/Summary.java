package dev.farthing.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The human-readable end of a benchmark: medians per workload and mode, the ratio to PostgreSQL, and the
 * issue's targets marked met or missed. Medians are taken per metric across runs.
 */
final class Summary {
    static final double IN_PROCESS_TARGET = 1_000_000;
    static final double HTTP_BATCH_TARGET = 300_000;
    static final double HTTP_SINGLE_TARGET = 20_000;
    static final double HTTP_SINGLE_P99_US = 10_000;
    static final double HOT_RATIO_TARGET = 50;

    private final Map<String, BenchResult> medians = new LinkedHashMap<>();
    private final Map<String, List<BenchResult>> byKey = new LinkedHashMap<>();

    Summary(List<BenchResult> results) {
        for (BenchResult r : results) {
            byKey.computeIfAbsent(key(r.workload(), r.mode()), k -> new ArrayList<>()).add(r);
        }
        byKey.forEach((k, runs) -> medians.put(k, median(runs)));
    }

    List<BenchResult> medians() {
        return List.copyOf(medians.values());
    }

    void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-8s %-17s %4s %14s %21s %10s %10s %10s %9s%n", "workload", "mode", "runs",
                "transfers/s", "(min..max)", "p50 ms", "p99 ms", "p99.9 ms", "failures");
        for (Map.Entry<String, BenchResult> e : medians.entrySet()) {
            BenchResult m = e.getValue();
            List<BenchResult> runs = byKey.get(e.getKey());
            double min = runs.stream().mapToDouble(BenchResult::transfersPerS).min().orElse(0);
            double max = runs.stream().mapToDouble(BenchResult::transfersPerS).max().orElse(0);
            long failures = runs.stream().mapToLong(BenchResult::failures).sum();
            out.printf(Locale.ROOT, "%-8s %-17s %4d %,14.0f %21s %10.3f %10.3f %10.3f %9d%n", m.workload().wire(),
                    m.mode().wire(), runs.size(), m.transfersPerS(), String.format(Locale.ROOT, "(%,.0f..%,.0f)", min, max),
                    m.p50Us() / 1000, m.p99Us() / 1000, m.p999Us() / 1000, failures);
        }
        printRatios(out);
        printTargets(out);
    }

    private void printRatios(PrintStream out) {
        for (Workload w : Workload.values()) {
            BenchResult pg = medians.get(key(w, Mode.POSTGRES));
            if (pg == null || pg.transfersPerS() <= 0) {
                continue;
            }
            for (Mode m : List.of(Mode.IN_PROCESS_BATCH, Mode.HTTP_BATCH, Mode.HTTP_SINGLE)) {
                BenchResult r = medians.get(key(w, m));
                if (r != null) {
                    out.printf(Locale.ROOT, "ratio %s %s / postgres: %.1fx%n", w.wire(), m.wire(), r.transfersPerS() / pg.transfersPerS());
                }
            }
        }
    }

    private void printTargets(PrintStream out) {
        out.println("targets (issue #2, medians):");
        for (Workload w : Workload.values()) {
            target(out, w, Mode.IN_PROCESS_BATCH, "in-process durable >= 1,000,000/s", IN_PROCESS_TARGET, Double.MAX_VALUE);
            target(out, w, Mode.HTTP_BATCH, "HTTP batched >= 300,000/s", HTTP_BATCH_TARGET, Double.MAX_VALUE);
            target(out, w, Mode.HTTP_SINGLE, "HTTP single >= 20,000/s, p99 <= 10 ms", HTTP_SINGLE_TARGET, HTTP_SINGLE_P99_US);
        }
        BenchResult hot = medians.get(key(Workload.HOT, Mode.IN_PROCESS_BATCH));
        BenchResult pg = medians.get(key(Workload.HOT, Mode.POSTGRES));
        if (hot != null && pg != null && pg.transfersPerS() > 0) {
            double ratio = hot.transfersPerS() / pg.transfersPerS();
            out.printf(Locale.ROOT, "  %-6s hot in_process_batch >= 50x postgres: %.1fx -> %s%n",
                    ratio >= HOT_RATIO_TARGET ? "MET" : "MISSED", ratio,
                    ratio >= HOT_RATIO_TARGET ? "ok" : String.format(Locale.ROOT, "%.0f%% of target", 100 * ratio / HOT_RATIO_TARGET));
        }
    }

    private void target(PrintStream out, Workload w, Mode m, String what, double tps, double p99Us) {
        BenchResult r = medians.get(key(w, m));
        if (r == null) {
            return;
        }
        boolean met = r.transfersPerS() >= tps && r.p99Us() <= p99Us;
        String detail = String.format(Locale.ROOT, "%,.0f/s (%.0f%% of target)", r.transfersPerS(), 100 * r.transfersPerS() / tps);
        if (p99Us != Double.MAX_VALUE) {
            detail += String.format(Locale.ROOT, ", p99 %.2f ms", r.p99Us() / 1000);
        }
        out.printf(Locale.ROOT, "  %-6s %-7s %s: %s%n", met ? "MET" : "MISSED", w.wire(), what, detail);
    }

    /** Median of each metric independently; with an even count, the lower middle value. */
    static BenchResult median(List<BenchResult> runs) {
        BenchResult first = runs.getFirst();
        return new BenchResult(first.workload(), first.mode(), 0,
                (long) med(runs, r -> r.transfers()), (long) med(runs, r -> r.requests()),
                runs.stream().mapToLong(BenchResult::failures).sum(), med(runs, BenchResult::seconds),
                med(runs, BenchResult::transfersPerS), med(runs, BenchResult::p50Us), med(runs, BenchResult::p99Us),
                med(runs, BenchResult::p999Us), med(runs, BenchResult::maxUs), first.settings() + " runs=" + runs.size(),
                null);
    }

    private static double med(List<BenchResult> runs, ToDoubleFunction<BenchResult> metric) {
        double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
        return values[(values.length - 1) / 2];
    }

    private static String key(Workload w, Mode m) {
        return w.wire() + "/" + m.wire();
    }
}
