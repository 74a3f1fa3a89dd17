package dev.farthing.model;

import dev.farthing.model.data.Dataset;
import dev.farthing.model.data.DatasetSplit;
import dev.farthing.model.gbt.GbtParams;
import dev.farthing.model.gbt.GbtTrainer;
import dev.farthing.model.gbt.GbtTuner;
import dev.farthing.model.gbt.TreeEnsemble;
import dev.farthing.model.gbt.XgboostJson;
import dev.farthing.model.logistic.LogisticBaseline;
import dev.farthing.model.logistic.LogisticParams;
import dev.farthing.model.metrics.Evaluation;

/**
 * Trees and a logistic-regression baseline trained on the same train part in the same run and evaluated on the
 * same test part, so that the trees' figures mean something: if they cannot beat a linear model on the same
 * features, they have learned the sample rather than the fraud.
 *
 * @param tuning the cross-validation inside the train part that chose the tree parameters, or null when the
 *               parameters were given
 */
public record BaselineComparison(Evaluation trees, Evaluation baseline, GbtParams treeParams, GbtTuner.Result tuning) {

    /** How the trees' parameters are found: as given, or tuned by k-fold cross-validation inside the train part. */
    public record TreeSettings(GbtParams params, boolean tune, int folds) {

        public static TreeSettings fixed(GbtParams params) {
            return new TreeSettings(params, false, 0);
        }

        public static TreeSettings tuned(GbtParams base, int folds) {
            return new TreeSettings(base, true, folds);
        }

        /** The cross-validation on {@code train} that picks the parameters, or null when they are given. */
        public GbtTuner.Result tuneOn(Dataset train) {
            if (!tune) {
                return null;
            }
            return GbtTuner.tune(train, GbtTuner.standardGrid(params, train.positives(), train.size() - train.positives()),
                    folds, params.seed());
        }
    }

    public static BaselineComparison run(DatasetSplit split, TreeSettings trees, LogisticParams baseline,
                                         double threshold) {
        Dataset train = split.train();
        Dataset test = split.test();
        if (test.size() == 0) {
            throw new IllegalArgumentException("the test part is empty");
        }
        GbtTuner.Result tuning = trees.tuneOn(train);
        GbtParams params = tuning == null ? trees.params() : tuning.best();
        TreeEnsemble model = XgboostJson.read(GbtTrainer.train(train, params));
        double[] scores = new double[test.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.predict(test.rows()[i]);
        }
        Evaluation treeEval = Evaluation.of(scores, test.labels(), test.scenarios(), threshold);
        return new BaselineComparison(treeEval, LogisticBaseline.evaluate(train, test, baseline, threshold), params,
                tuning);
    }
}
