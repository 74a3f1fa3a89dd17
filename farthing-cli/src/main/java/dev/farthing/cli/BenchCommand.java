package dev.farthing.cli;

import dev.farthing.bench.BenchOptions;
import dev.farthing.bench.LedgerBench;
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
        subcommands = BenchCommand.Ledger.class)
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
}
