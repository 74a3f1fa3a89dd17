package dev.farthing.cli.model;

import dev.farthing.cli.CliException;
import dev.farthing.cli.ExitCodes;
import dev.farthing.cli.HelpOption;
import dev.farthing.model.BaselineComparison.TreeSettings;
import dev.farthing.model.ModelTrainer;
import dev.farthing.model.RiskModel;
import dev.farthing.model.data.Dataset;
import dev.farthing.model.data.DatasetSplit;
import dev.farthing.model.data.StampedDataset;
import dev.farthing.model.gbt.GbtParams;
import dev.farthing.model.gbt.GbtTuner;
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
        "With a split (time, stratified; the default for paysim and ulb) it trains on the train part only, records "
                + "the test part's metrics in the bundle, and 'model eval' with the same split options tests on "
                + "the rows this left out.",
        "The latest --calibration-fraction of the training rows (in file order, which is time order for PaySim and"
                + " ULB) is held out of the trees to fit the score calibrator and the policy thresholds."})
public final class ModelTrainCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private DataOptions data;

    @Mixin
    private TreeOptions trees;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the model bundle.")
    private Path out;

    @Option(names = "--no-anomaly", description = "Do not train the isolation forest (anomaly score).")
    private boolean noAnomaly;

    @Option(names = "--iforest-trees", defaultValue = "100", description = "Isolation forest trees. Default: ${DEFAULT-VALUE}.")
    private int forestTrees;

    @Option(names = "--iforest-sample", defaultValue = "256", description = "Isolation forest rows per tree. Default: ${DEFAULT-VALUE}.")
    private int forestSample;

    @Option(names = "--calibration-fraction", defaultValue = "0.2", paramLabel = "F",
            description = "Latest share of the training rows held out for calibration and thresholds (0 = an"
                    + " uncalibrated model without thresholds). Default: ${DEFAULT-VALUE}.")
    private double calibrationFraction;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TreeSettings settings = trees.settings(data.seed);
        IsolationForestParams forest;
        try {
            forest = noAnomaly ? null : new IsolationForestParams(forestTrees, forestSample, data.seed);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), ExitCodes.USAGE, e);
        }
        if (!(calibrationFraction >= 0 && calibrationFraction < 1)) {
            throw new CliException("--calibration-fraction must be in [0, 1), got " + calibrationFraction,
                    ExitCodes.USAGE, null);
        }
        StampedDataset all = data.readAll();
        DatasetSplit split = data.splitOf(all);
        DataOptions.Part part = data.part(DataOptions.Part.TRAIN);
        Dataset selected = DataOptions.part(all, split, part);
        Dataset holdout = part == DataOptions.Part.TRAIN ? split.test() : null;
        int calibrationRows = (int) Math.round(selected.size() * calibrationFraction);
        Dataset train = calibrationRows == 0 ? selected : rows(selected, 0, selected.size() - calibrationRows);
        Dataset calibration = calibrationRows == 0 ? null
                : rows(selected, selected.size() - calibrationRows, selected.size());
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        o.println("Training on " + data.summary(all, part));
        GbtParams gbt;
        try {
            gbt = tuned(settings, train, err, o);
        } catch (IllegalArgumentException e) {
            throw new CliException("cannot tune: " + e.getMessage(), e);
        }
        err.printf("Training on %d rows (%d fraud), %d features, %d rounds; calibrating on the latest %d rows...%n",
                train.size(), train.positives(), train.width(), gbt.rounds(), calibrationRows);
        err.flush();
        RiskModel model;
        try {
            model = ModelTrainer.train(train, calibration, holdout, gbt, forest, data.describe(all, part, train),
                    Instant.now());
        } catch (IllegalArgumentException e) {
            throw new CliException("cannot train: " + e.getMessage(), e);
        }
        model.write(out);
        o.println("Model " + model.version() + " written to " + out.toAbsolutePath());
        if (model.thresholds().present()) {
            o.printf("Thresholds (at most 0.1%% / 0.3%% / 1%% of %d held-out legitimate rows above): decline %.4g"
                            + "  review %.4g  challenge %.4g%n", model.thresholds().legitimateRows(),
                    model.thresholds().decline(), model.thresholds().review(), model.thresholds().challenge());
        }
        if (holdout != null) {
            var h = model.training().path("holdout");
            o.printf("Holdout (%d rows, %d fraud): PR-AUC %.4f  ROC-AUC %.4f  recall@1%%FPR %.4f%n", holdout.size(),
                    holdout.positives(), h.path("pr_auc").asDouble(), h.path("roc_auc").asDouble(),
                    h.path("recall_at_1pct_fpr").asDouble());
        }
        return ExitCodes.OK;
    }

    private static GbtParams tuned(TreeSettings settings, Dataset train, PrintWriter err, PrintWriter out) {
        if (!settings.tune()) {
            return settings.params();
        }
        err.printf("Tuning on the train part: %d-fold cross-validation...%n", settings.folds());
        err.flush();
        GbtTuner.Result tuning = settings.tuneOn(train);
        out.printf("Tuned (%d-fold CV on the train part, out-of-fold PR-AUC %.4f): %s%n", tuning.folds(),
                tuning.bestPrAuc(), TreeOptions.describe(tuning.best()));
        return tuning.best();
    }

    /** Rows [from, to) in file order. */
    private static Dataset rows(Dataset data, int from, int to) {
        int[] indices = new int[to - from];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = from + i;
        }
        return data.select(indices);
    }
}
