package dev.farthing.cli.model;

import dev.farthing.cli.CliException;
import dev.farthing.cli.ExitCodes;
import dev.farthing.cli.HelpOption;
import dev.farthing.model.BaselineComparison;
import dev.farthing.model.FeatureMismatchException;
import dev.farthing.model.RiskModel;
import dev.farthing.model.data.Dataset;
import dev.farthing.model.data.DatasetSplit;
import dev.farthing.model.data.StampedDataset;
import dev.farthing.model.logistic.LogisticBaseline;
import dev.farthing.model.logistic.LogisticParams;
import dev.farthing.model.metrics.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code farthing model eval}: precision, recall, FPR, PR-AUC, ROC-AUC and recall at 1% FPR, per scenario, beside
 * a logistic-regression baseline trained on the same train part in the same run.
 */
@Command(name = "eval", description = {"Evaluate a fraud model on the test part of a labelled dataset, beside a "
        + "logistic-regression baseline trained on the train part in the same run.",
        "With --model, scores that bundle (train it with the same --split, --train-fraction and --seed so the test "
                + "part is unseen). Without --model, trains the trees on the train part in this run (see --tune)."})
public final class ModelEvalCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private DataOptions data;

    @Mixin
    private TreeOptions trees;

    @Option(names = "--model", paramLabel = "FILE", description = "Model bundle (model.json); omit to train trees in this run.")
    private Path modelFile;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Fraud score at or above which a payment counts as flagged. Default: ${DEFAULT-VALUE}.")
    private double threshold;

    @Option(names = "--baseline-l2", paramLabel = "L", defaultValue = "0.001",
            description = "L2 penalty of the logistic baseline (standardised features). Default: ${DEFAULT-VALUE}.")
    private double baselineL2;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        LogisticParams baseline = baselineParams();
        RiskModel model = modelFile == null ? null : ModelFiles.load(modelFile);
        StampedDataset all = data.readAll();
        DatasetSplit split = data.splitOf(all);
        DataOptions.Part part = data.part(DataOptions.Part.TEST);
        Dataset rows = DataOptions.part(all, split, part);
        if (rows.size() == 0) {
            throw new CliException("no rows to evaluate in " + data.file());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (model == null) {
            return trainedInThisRun(split, part, all, baseline, out);
        }
        try {
            model.requireFeatures(rows.featureNames());
        } catch (FeatureMismatchException e) {
            throw new CliException(e.getMessage() + " (is --format right for this model?)", e);
        }
        double[] fraud = new double[rows.size()];
        double[] anomaly = new double[rows.size()];
        for (int i = 0; i < fraud.length; i++) {
            RiskModel.Scores s = model.score(rows.rows()[i]);
            fraud[i] = s.fraud();
            anomaly[i] = s.anomaly();
        }
        Evaluation e = Evaluation.of(fraud, rows.labels(), rows.scenarios(), threshold);
        Evaluation anomalyEval = model.hasAnomalyModel() ? Evaluation.of(anomaly, rows.labels(), null, threshold) : null;
        EvaluationPrinter.print(out, model.version(), data.summary(all, part), e, anomalyEval);
        if (split == null) {
            out.println("No baseline: --split none tests on every row, so none is left to train it without testing "
                    + "on its own training rows.");
        } else {
            Evaluation lr = baseline(split.train(), rows, baseline, threshold);
            BaselinePrinter.print(out, "model " + model.version(), e, lr, part == DataOptions.Part.TRAIN);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int trainedInThisRun(DatasetSplit split, DataOptions.Part part, StampedDataset all,
                                 LogisticParams baseline, PrintWriter out) {
        if (split == null || part != DataOptions.Part.TEST) {
            throw new CliException("without --model, eval trains on the train part and tests on the test part: "
                    + "use --split time or stratified (or pass --model)", ExitCodes.USAGE, null);
        }
        BaselineComparison c;
        try {
            c = BaselineComparison.run(split, trees.settings(data.seed), baseline, threshold);
        } catch (IllegalArgumentException e) {
            throw new CliException("cannot train: " + e.getMessage(), e);
        }
        out.println("Trained on " + data.summary(all, DataOptions.Part.TRAIN) + ": " + split.train().size()
                + " rows, " + split.train().positives() + " fraud");
        if (c.tuning() != null) {
            out.printf("Tuned by %d-fold CV on the train part (out-of-fold PR-AUC %.4f)%n", c.tuning().folds(),
                    c.tuning().bestPrAuc());
        }
        out.println("Trees: " + TreeOptions.describe(c.treeParams()));
        EvaluationPrinter.print(out, "trained in this run", data.summary(all, part), c.trees(), null);
        BaselinePrinter.print(out, "trees", c.trees(), c.baseline(), false);
        out.flush();
        return ExitCodes.OK;
    }

    private static Evaluation baseline(Dataset train, Dataset test, LogisticParams params, double threshold) {
        try {
            return LogisticBaseline.evaluate(train, test, params, threshold);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException("cannot train the logistic baseline: " + e.getMessage(), e);
        }
    }

    private LogisticParams baselineParams() {
        try {
            LogisticParams d = LogisticParams.defaults();
            return new LogisticParams(baselineL2, d.maxIterations(), d.tolerance());
        } catch (IllegalArgumentException e) {
            throw new CliException("--baseline-l2: " + e.getMessage(), ExitCodes.USAGE, e);
        }
    }
}
