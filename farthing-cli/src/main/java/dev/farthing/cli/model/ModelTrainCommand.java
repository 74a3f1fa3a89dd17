package dev.farthing.cli.model;

import dev.farthing.cli.CliException;
import dev.farthing.cli.ExitCodes;
import dev.farthing.cli.HelpOption;
import dev.farthing.model.ModelTrainer;
import dev.farthing.model.RiskModel;
import dev.farthing.model.data.Dataset;
import dev.farthing.model.gbt.GbtParams;
import dev.farthing.model.iforest.IsolationForestParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code farthing model train}: gradient-boosted trees (XGBoost) plus an isolation forest, into a model bundle. */
@Command(name = "train", description = {"Train a fraud model and write the bundle (model.json).",
        "With --split train the test part is held out and its metrics are recorded in the bundle."})
public final class ModelTrainCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private DataOptions data;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the model bundle.")
    private Path out;

    @Option(names = "--rounds", defaultValue = "200", description = "Boosting rounds (trees). Default: ${DEFAULT-VALUE}.")
    private int rounds;

    @Option(names = "--max-depth", defaultValue = "6", description = "Tree depth. Default: ${DEFAULT-VALUE}.")
    private int maxDepth;

    @Option(names = "--eta", defaultValue = "0.1", description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    private double eta;

    @Option(names = "--subsample", defaultValue = "0.8", description = "Row sample per tree. Default: ${DEFAULT-VALUE}.")
    private double subsample;

    @Option(names = "--colsample-bytree", defaultValue = "0.8", description = "Feature sample per tree. Default: ${DEFAULT-VALUE}.")
    private double colsample;

    @Option(names = "--min-child-weight", defaultValue = "1", description = "Minimum hessian per leaf. Default: ${DEFAULT-VALUE}.")
    private double minChildWeight;

    @Option(names = "--scale-pos-weight", defaultValue = "1", description = "Weight of fraud rows. Default: ${DEFAULT-VALUE}.")
    private double scalePosWeight;

    @Option(names = "--threads", defaultValue = "1", description = "Training threads (1 is bit-for-bit reproducible). Default: ${DEFAULT-VALUE}.")
    private int threads;

    @Option(names = "--no-anomaly", description = "Do not train the isolation forest (anomaly score).")
    private boolean noAnomaly;

    @Option(names = "--iforest-trees", defaultValue = "100", description = "Isolation forest trees. Default: ${DEFAULT-VALUE}.")
    private int forestTrees;

    @Option(names = "--iforest-sample", defaultValue = "256", description = "Isolation forest rows per tree. Default: ${DEFAULT-VALUE}.")
    private int forestSample;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        GbtParams gbt;
        IsolationForestParams forest;
        try {
            gbt = new GbtParams(rounds, maxDepth, eta, subsample, colsample, minChildWeight, 1.0, scalePosWeight,
                    data.seed, threads);
            forest = noAnomaly ? null : new IsolationForestParams(forestTrees, forestSample, data.seed);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), ExitCodes.USAGE, e);
        }
        Dataset all = data.readAll();
        Dataset train = data.selected(all);
        Dataset holdout = data.split == DataOptions.Split.TRAIN ? data.splitOf(all).test() : null;
        PrintWriter err = spec.commandLine().getErr();
        err.printf("Training on %d rows (%d fraud), %d features, %d rounds...%n", train.size(), train.positives(),
                train.width(), rounds);
        err.flush();
        RiskModel model;
        try {
            model = ModelTrainer.train(train, holdout, gbt, forest, data.describe(train), Instant.now());
        } catch (IllegalArgumentException e) {
            throw new CliException("cannot train: " + e.getMessage(), e);
        }
        model.write(out);
        PrintWriter o = spec.commandLine().getOut();
        o.println("Model " + model.version() + " written to " + out.toAbsolutePath());
        if (holdout != null) {
            var h = model.training().path("holdout");
            o.printf("Holdout (%d rows, %d fraud): PR-AUC %.4f  ROC-AUC %.4f  recall@1%%FPR %.4f%n", holdout.size(),
                    holdout.positives(), h.path("pr_auc").asDouble(), h.path("roc_auc").asDouble(),
                    h.path("recall_at_1pct_fpr").asDouble());
        }
        return ExitCodes.OK;
    }
}
