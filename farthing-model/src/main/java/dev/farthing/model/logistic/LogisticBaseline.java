package dev.farthing.model.logistic;

import dev.farthing.model.data.Dataset;
import dev.farthing.model.metrics.Evaluation;

/** The reference a tree model must beat: a plain logistic regression trained on the same rows, scored on the same rows. */
public final class LogisticBaseline {

    private LogisticBaseline() {
    }

    public static Evaluation evaluate(Dataset train, Dataset test, LogisticParams params, double threshold) {
        LogisticRegression model = LogisticTrainer.train(train, params);
        double[] scores = new double[test.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.predict(test.rows()[i]);
        }
        return Evaluation.of(scores, test.labels(), test.scenarios(), threshold);
    }
}
