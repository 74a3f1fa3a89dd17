package dev.farthing.bench;

import dev.farthing.bench.postgres.PostgresBaseline;
import dev.farthing.bench.postgres.PostgresServer;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code farthing bench ledger}: measures the ledger end to end and prints one JSON line per result, e.g.
 * <pre>{"workload":"hot","mode":"http_single","transfers_per_s":21034.5,"p50_us":..,"p99_us":..,"p999_us":..}</pre>
 * followed by a table of medians, the ratio to PostgreSQL and the targets.
 *
 * <p>Options (also {@link BenchOptions#USAGE}):
 * <ul>
 *   <li>{@code --workload uniform|hot|all}: uniform = 10,000 wallets paying 1,000 merchants at random
 *       (seeded); hot = every payment credits one creator and a linked fee leg credits one platform account
 *       (two transfers per payment; throughput counts transfers).</li>
 *   <li>{@code --mode in_process_batch|http_batch|http_single|postgres|all} (comma lists allowed).</li>
 *   <li>{@code --transfers N} measured transfers per result (default: as many as fit in {@code --duration-s}).</li>
 *   <li>{@code --duration-s S} (default 10), {@code --warmup-s S} (default 3), {@code --runs N} (default 1;
 *       the summary quotes medians).</li>
 *   <li>{@code --clients N} connections for http_single and postgres (default 64); {@code --batch-clients N}
 *       for http_batch (default 4); {@code --inflight N} outstanding in-process batches (default 8);
 *       {@code --batch N} transfers per batch (default 8192).</li>
 *   <li>{@code --data DIR} parent of every run's data directory (default a temp directory, deleted after);
 *       {@code --http-client raw|jdk}; {@code --seed N}; {@code --wallets N}; {@code --merchants N}.</li>
 *   <li>{@code --quick}: a few thousand transfers on a small population, no warm-up; for CI.</li>
 * </ul>
 * Every mode is durable: the ledger fsyncs before acknowledging; PostgreSQL runs with fsync and
 * synchronous_commit on. After each run the target is audited (balances sum to zero, payees hold exactly
 * the acknowledged amount, committed transfers equal acknowledged ones); the exit status is non-zero if any
 * audit fails or any transfer is refused.
 */
public final class LedgerBench {
    private LedgerBench() {
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("farthing bench ledger: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options, System.out));
    }

    /** Runs every selected workload and mode; returns 0 when all runs were clean, 1 otherwise. */
    public static int run(BenchOptions options, PrintStream out) {
        Path root;
        try {
            root = options.dataDir() != null ? Files.createDirectories(options.dataDir())
                    : Files.createTempDirectory("farthing-bench-");
        } catch (IOException e) {
            out.println("cannot create a data directory: " + e.getMessage());
            return 1;
        }
        out.println("# " + environment());
        List<BenchResult> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        PostgresBaseline postgres = options.modes().contains(Mode.POSTGRES) ? startPostgres(root, out) : null;
        try {
            SingleRun runner = new SingleRun(options, root, postgres);
            for (Workload workload : options.workloads()) {
                for (Mode mode : options.modes()) {
                    if (mode == Mode.POSTGRES && postgres == null) {
                        continue;
                    }
                    for (int run = 1; run <= options.runs(); run++) {
                        runOnce(runner, workload, mode, run, out, results, problems);
                    }
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            if (options.dataDir() == null) {
                SingleRun.deleteRecursively(root);
            }
        }
        return report(options, results, problems, out);
    }

    private static void runOnce(SingleRun runner, Workload workload, Mode mode, int run, PrintStream out,
                                List<BenchResult> results, List<String> problems) {
        try {
            SingleRun.Outcome outcome = runner.execute(workload, mode, run);
            results.add(outcome.result());
            problems.addAll(outcome.problems());
            out.println(outcome.result().toJsonLine());
        } catch (Exception | AssertionError e) {
            problems.add(workload.wire() + "/" + mode.wire() + " run " + run + " aborted: " + e);
            out.println("# " + workload.wire() + "/" + mode.wire() + " run " + run + " aborted: " + e);
            e.printStackTrace(out);
        }
        out.flush();
    }

    private static int report(BenchOptions options, List<BenchResult> results, List<String> problems, PrintStream out) {
        Summary summary = new Summary(results);
        if (options.runs() > 1) {
            summary.medians().forEach(m -> out.println(m.toJsonLine()));
        }
        summary.print(out);
        if (problems.isEmpty()) {
            out.println("audit: OK (conservation holds; committed transfers == acknowledged transfers in every run)");
            return 0;
        }
        out.println("PROBLEMS:");
        problems.forEach(p -> out.println("  " + p));
        return 1;
    }

    private static PostgresBaseline startPostgres(Path root, PrintStream out) {
        try {
            PostgresBaseline pg = PostgresBaseline.start(root);
            out.println("# postgres: " + pg.version() + " at " + pg.jdbcUrl());
            return pg;
        } catch (PostgresServer.Unavailable e) {
            out.println("# postgres: SKIPPED: " + e.getMessage());
            return null;
        }
    }

    /** One line describing where the numbers came from: cores, JVM, load average. */
    static String environment() {
        Runtime rt = Runtime.getRuntime();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "cores=%d jvm=%s %s max_heap=%dMiB load_avg_1m=%.2f os=%s %s",
                rt.availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                rt.maxMemory() >> 20, load, System.getProperty("os.name"), System.getProperty("os.version"));
    }
}
