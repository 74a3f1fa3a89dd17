package dev.farthing.cli;

import dev.farthing.bench.BenchOptions;
import dev.farthing.bench.LedgerBench;
import dev.farthing.bench.rate.RateBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code farthing bench ledger [flags]}: runs the ledger benchmark of the farthing-bench module. */
@Command(name = "bench",
        description = "Benchmarks. 'farthing bench ledger --help' lists the ledger benchmark's flags.",
        subcommands = {BenchCommand.Ledger.class, BenchCommand.Rate.class})
public final class BenchCommand implements Runnable {

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing benchmark: ledger");
    }

    /**
     * The flags belong to the benchmark ({@link BenchOptions#parse}), so they are passed through untouched
     * rather than declared twice; only {@code --help} is picocli's.
     */
    @Command(name = "ledger", customSynopsis = "farthing bench ledger [--help] [FLAGS...]",
            description = {"Measure ledger throughput and latency (in-process, HTTP batched, HTTP single,",
                    "PostgreSQL baseline); prints a table and one JSON line per result."},
            footerHeading = "%nFlags:%n", footer = BenchOptions.USAGE, usageHelpWidth = 100)
    static final class Ledger implements Callable<Integer> {

        @Mixin
        private HelpOption help;

        @Unmatched
        private List<String> flags = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            BenchOptions options;
            try {
                options = BenchOptions.parse(flags.toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage() + " (see: farthing bench ledger --help)", ExitCodes.USAGE, e);
            }
            return LedgerBench.run(options, System.out);
        }
    }

    /** {@code farthing bench rate [flags]}: latency at a fixed arrival rate (open loop); flags belong to {@link RateBench}. */
    @Command(name = "rate", customSynopsis = "farthing bench rate [--help] [FLAGS...]",
            description = {"Measure latency at a fixed arrival rate (open loop, latency from each arrival's intended",
                    "send time, so stalls are not hidden) for transfers, claims or payments, in process or over HTTP;",
                    "prints one JSON line per run and a median line."},
            footerHeading = "%nFlags:%n", footer = {
                    "  --target transfers|claims|payments   (default transfers)",
                    "  --via in_process|http                (default in_process; claims: in_process only)",
                    "  --rate N          arrivals per second (default 20000)",
                    "  --duration S / --warmup S            measured and warm-up seconds (default 10 / 3)",
                    "  --runs N          repetitions, medians quoted (default 3)",
                    "  --connections N   HTTP keep-alive connections (default 64)",
                    "  --workers N       channels redeeming claims (default 4)",
                    "  --fsync true|false  (default true)   --seed N (default 1)"}, usageHelpWidth = 100)
    static final class Rate implements Callable<Integer> {

        @Mixin
        private HelpOption help;

        @Unmatched
        private List<String> flags = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            try {
                RateBench.Options.parse(flags.toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage() + " (see: farthing bench rate --help)", ExitCodes.USAGE, e);
            }
            RateBench.main(flags.toArray(String[]::new));
            return 0;
        }
    }
}
