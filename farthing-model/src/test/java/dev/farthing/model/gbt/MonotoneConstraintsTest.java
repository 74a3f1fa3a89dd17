package dev.farthing.model.gbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.model.TestData;
import dev.farthing.model.data.Dataset;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Monotone training: a feature constrained against its own signal cannot raise the score, a missing value of a
 * constrained feature scores exactly as its quiet end (never above any observed value), and the pinned trees are
 * still explained exactly (XGBoost's own predictContrib on the same pinned model).
 */
class MonotoneConstraintsTest {
    // f0 raises fraud in the data (1.5 * f0) but is constrained -1; f3 raises it and is constrained +1.
    private static final int[] DIRECTIONS = {-1, 0, 0, 1, 0, 0};

    @Test
    void constrainedFeaturesNeverMoveTheScoreTheForbiddenWayAndMissingIsTheQuietEnd() {
        long seed = TestData.seed();
        Random random = new Random(seed);
        Dataset train = TestData.synthetic(3000, 6, 0.2, random);
        MonotoneConstraints constraints = MonotoneConstraints.fit(DIRECTIONS, train);
        TreeEnsemble trees = XgboostJson.read(GbtTrainer.train(train,
                GbtParams.defaults().withRounds(40).withMaxDepth(4).withSeed(seed), constraints));
        Dataset probe = TestData.synthetic(300, 6, 0.2, random);
        int checked = 0;
        for (double[] original : probe.rows()) {
            double[] row = original.clone();
            for (int feature : new int[] {0, 3}) {
                double previous = Double.NaN;
                for (double v = -3; v <= 3; v += 0.25) {
                    row[feature] = v;
                    double margin = trees.margin(row);
                    if (!Double.isNaN(previous)) {
                        if (DIRECTIONS[feature] < 0) {
                            assertThat(margin).as("f%d=%s may not raise the score", feature, v).isLessThanOrEqualTo(previous + 1e-6);
                        } else {
                            assertThat(margin).as("f%d=%s may not lower the score", feature, v).isGreaterThanOrEqualTo(previous - 1e-6);
                        }
                    }
                    previous = margin;
                    row[feature] = Double.NaN;
                    double missing = trees.margin(row);
                    assertThat(missing).as("missing f%d never scores above an observed value", feature)
                            .isLessThanOrEqualTo(margin + 1e-6);
                    row[feature] = constraints.quietEnds()[feature];
                    assertThat(missing).as("missing f%d scores as its quiet end", feature)
                            .isEqualTo(trees.margin(row));
                    row[feature] = v;
                    checked++;
                }
                row[feature] = original[feature];
            }
        }
        assertThat(checked).isGreaterThan(5000);
        assertThat(constraints.toXgboost()).isEqualTo("(-1,0,0,1,0,0)");
    }

    @Test
    void pinnedTreesAreExplainedExactlyAsXgboostExplainsThem() throws Exception {
        long seed = TestData.seed();
        Random random = new Random(seed);
        Dataset train = TestData.synthetic(2000, 6, 0.25, random);
        MonotoneConstraints constraints = MonotoneConstraints.fit(DIRECTIONS, train);
        JsonNode pinned = GbtTrainer.train(train, GbtParams.defaults().withRounds(20).withMaxDepth(5).withSeed(seed),
                constraints);
        Booster booster = XGBoost.loadModel(new ObjectMapper().writeValueAsBytes(pinned));
        try {
            TreeEnsemble ours = XgboostJson.read(pinned);
            TreeShap shap = ours.explainer();
            Dataset probe = TestData.synthetic(300, 6, 0.3, random);
            DMatrix matrix = GbtTrainer.matrix(probe.rows(), probe.width());
            float[][] theirs = booster.predictContrib(matrix, 0);
            float[][] predicted = booster.predict(matrix, true);
            matrix.dispose();
            double[] phi = new double[probe.width() + 1];
            for (int i = 0; i < probe.size(); i++) {
                shap.contributions(probe.rows()[i], phi);
                for (int j = 0; j < phi.length; j++) {
                    assertThat(phi[j]).as("row %d column %d", i, j).isCloseTo(theirs[i][j], within(1e-5));
                }
                assertThat(ours.margin(probe.rows()[i])).as("row %d margin", i).isCloseTo(predicted[i][0], within(1e-5));
            }
        } finally {
            booster.dispose();
        }
    }
}
