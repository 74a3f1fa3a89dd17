package dev.farthing.cli.policy;

import dev.farthing.cli.CliException;
import dev.farthing.cli.DatasetOption;
import dev.farthing.cli.ExitCodes;
import dev.farthing.cli.HelpOption;
import dev.farthing.model.RiskModel;
import dev.farthing.risk.dataset.PaymentDataset;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.risk.decide.BacktestReport;
import dev.farthing.risk.decide.PolicyBacktest;
import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.features.FeatureConfig;
import dev.farthing.risk.policy.PolicySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code farthing policy backtest}: replays a recorded dataset through a baseline and a candidate policy and
 * prints how the candidate's decisions differ. Parsing and printing only; the work is {@link PolicyBacktest}.
 */
@Command(name = "backtest",
        description = {"Replay recorded traffic (farthing JSON Lines) in time order through a fresh feature engine,",
                "the model (if given) and two policies; print decision counts, the baseline x candidate",
                "transition matrix, per-scenario catch and legit friction rates, and the first changed payments.",
                "Both policies default to the bundled default policy."})
public final class PolicyBacktestCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private DatasetOption dataset;

    @Option(names = "--policy", paramLabel = "FILE", description = "Candidate policy. Default: the bundled default.")
    private Path candidate;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Baseline policy. Default: the bundled default.")
    private Path baseline;

    @Option(names = "--model", paramLabel = "FILE", description = "Model bundle (model.json). Default: no model.")
    private Path model;

    @Option(names = "--changed", paramLabel = "N", defaultValue = "20",
            description = "How many changed payments to list. Default: ${DEFAULT-VALUE}.")
    private int changed;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (changed < 0) {
            throw new CliException("--changed must be >= 0", ExitCodes.USAGE, null);
        }
        PolicySet base = PolicyFiles.load(baseline);
        PolicySet cand = PolicyFiles.load(candidate);
        Optional<RiskModel> risk = loadModel();
        PolicyBacktest backtest = new PolicyBacktest(new DefaultFeatureEngine(FeatureConfig.defaults()), risk, base,
                cand, changed);
        BacktestReport report;
        Path data = dataset.file();
        try (Stream<PaymentRecord> records = PaymentDataset.read(data)) {
            report = backtest.run(records);
        }
        PrintWriter out = spec.commandLine().getOut();
        new BacktestPrinter(out).print(data, report);
        out.flush();
        return ExitCodes.OK;
    }

    private Optional<RiskModel> loadModel() {
        if (model == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RiskModel.load(model));
        } catch (IOException e) {
            throw new CliException("cannot load model " + model + ": " + e.getMessage(), e);
        }
    }
}
