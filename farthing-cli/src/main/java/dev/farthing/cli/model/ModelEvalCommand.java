package dev.farthing.cli.model;

import dev.farthing.cli.CliException;
import dev.farthing.cli.ExitCodes;
import dev.farthing.cli.HelpOption;
import dev.farthing.model.FeatureMismatchException;
import dev.farthing.model.RiskModel;
import dev.farthing.model.data.Dataset;
import dev.farthing.model.metrics.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code farthing model eval}: precision, recall, FPR, PR-AUC, ROC-AUC and recall at 1% FPR, per scenario. */
@Command(name = "eval", description = {"Evaluate a model bundle on a labelled dataset.",
        "Use the same --test-fraction and --seed as training with --split test to evaluate on unseen rows."})
public final class ModelEvalCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private DataOptions data;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "Model bundle (model.json).")
    private Path modelFile;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Fraud score at or above which a payment counts as flagged. Default: ${DEFAULT-VALUE}.")
    private double threshold;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RiskModel model = ModelFiles.load(modelFile);
        Dataset rows = data.selected(data.readAll());
        try {
            model.requireFeatures(rows.featureNames());
        } catch (FeatureMismatchException e) {
            throw new CliException(e.getMessage() + " (is --format right for this model?)", e);
        }
        if (rows.size() == 0) {
            throw new CliException("no rows to evaluate in " + data.file);
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
        EvaluationPrinter.print(spec.commandLine().getOut(), model.version(), data.summary(), e,
                anomalyEval);
        return ExitCodes.OK;
    }
}
