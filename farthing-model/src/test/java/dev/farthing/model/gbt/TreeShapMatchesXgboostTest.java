package dev.farthing.model.gbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.model.TestData;
import dev.farthing.model.data.Dataset;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Pure-Java TreeSHAP must reproduce XGBoost4J's own {@code predictContrib} (exact, path-dependent). */
class TreeShapMatchesXgboostTest {

    @Test
    void contributionsMatchXgboostPredictContribIncludingMissingValues() throws Exception {
        long seed = TestData.seed();
        Random random = new Random(seed);
        Dataset train = TestData.synthetic(3000, 8, 0.15, random);
        Dataset probe = TestData.synthetic(600, 8, 0.3, random);
        // Depth 7 with few features: features repeat along paths, exercising the unwind step.
        GbtParams params = GbtParams.defaults().withRounds(40).withMaxDepth(7).withSeed(seed);
        Booster booster = GbtTrainer.trainBooster(train, params);
        try {
            TreeEnsemble ours = XgboostJson.read(GbtTrainer.toJson(booster));
            TreeShap shap = ours.explainer();
            assertThat(shap.usesTables()).isTrue();
            double[] reference = new double[probe.width() + 1];
            DMatrix matrix = GbtTrainer.matrix(probe.rows(), probe.width());
            float[][] theirs = booster.predictContrib(matrix, 0);
            matrix.dispose();
            double[] phi = new double[probe.width() + 1];
            int withMissing = 0;
            for (int i = 0; i < probe.size(); i++) {
                double[] row = probe.rows()[i];
                shap.contributions(row, phi);
                assertThat(theirs[i]).hasSize(phi.length);
                for (int j = 0; j < phi.length; j++) {
                    assertThat(phi[j]).as("row %d column %d", i, j).isCloseTo(theirs[i][j], within(1e-5));
                }
                shap.contributionsByRecursion(row, reference);
                for (int j = 0; j < phi.length; j++) {
                    assertThat(reference[j]).as("Algorithm 2, row %d column %d", i, j).isCloseTo(theirs[i][j], within(1e-5));
                    assertThat(phi[j]).as("tables against Algorithm 2").isCloseTo(reference[j], within(1e-9));
                }
                assertThat(Arrays.stream(phi).sum()).as("row %d sums to its margin", i)
                        .isCloseTo(ours.margin(row), within(1e-5));
                withMissing += Arrays.stream(row).anyMatch(Double::isNaN) ? 1 : 0;
            }
            assertThat(withMissing).as("rows with missing values exercised").isGreaterThan(300);
            assertThat(phi[probe.width()]).isEqualTo(shap.expectedValue());
        } finally {
            booster.dispose();
        }
    }

    @Test
    void allMissingRowIsExplainedAlongDefaultDirections() throws Exception {
        long seed = TestData.seed();
        Dataset train = TestData.synthetic(1000, 4, 0.2, new Random(seed));
        Booster booster = GbtTrainer.trainBooster(train, GbtParams.defaults().withRounds(10).withSeed(seed));
        try {
            TreeEnsemble ours = XgboostJson.read(GbtTrainer.toJson(booster));
            double[] row = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            DMatrix matrix = GbtTrainer.matrix(new double[][] {row}, 4);
            float[] theirs = booster.predictContrib(matrix, 0)[0];
            matrix.dispose();
            double[] phi = new double[5];
            ours.explainer().contributions(row, phi);
            for (int j = 0; j < phi.length; j++) {
                assertThat(phi[j]).as("column %d", j).isCloseTo(theirs[j], within(1e-5));
            }
        } finally {
            booster.dispose();
        }
    }

    @Test
    void modelWithoutCoversScoresButRefusesToExplain() {
        long seed = TestData.seed();
        Dataset train = TestData.synthetic(500, 4, 0.1, new Random(seed));
        JsonNode json = GbtTrainer.train(train, GbtParams.defaults().withRounds(3).withSeed(seed));
        ObjectNode stripped = json.deepCopy();
        for (JsonNode tree : (ArrayNode) stripped.at("/learner/gradient_booster/model/trees")) {
            ((ObjectNode) tree).remove("sum_hessian");
        }
        TreeEnsemble uncovered = XgboostJson.read(stripped);
        assertThat(uncovered.hasCover()).isFalse();
        assertThat(uncovered.margin(new double[] {0, 0, 0, 0})).isEqualTo(XgboostJson.read(json).margin(new double[] {0, 0, 0, 0}));
        assertThatThrownBy(uncovered::explainer).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sum_hessian");
    }
}
