package dev.farthing.model.gbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.model.TestData;
import dev.farthing.model.data.Dataset;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure-Java evaluator must reproduce XGBoost4J's own predictions on a model XGBoost trained. */
class TreeEnsembleMatchesXgboostTest {

    @Test
    void matchesXgboostPredictionsIncludingMissingValues() throws Exception {
        long seed = TestData.seed();
        Random random = new Random(seed);
        Dataset train = TestData.synthetic(3000, 8, 0.1, random);
        Dataset probe = TestData.synthetic(2000, 8, 0.3, random);
        GbtParams params = GbtParams.defaults().withRounds(60).withMaxDepth(6).withSeed(seed);
        Booster booster = GbtTrainer.trainBooster(train, params);
        try {
            TreeEnsemble ours = XgboostJson.read(GbtTrainer.toJson(booster));
            assertThat(ours.treeCount()).isEqualTo(60);
            DMatrix matrix = GbtTrainer.matrix(probe.rows(), probe.width());
            float[][] theirs = booster.predict(matrix);
            float[][] theirMargins = booster.predict(matrix, true);
            matrix.dispose();
            int withMissing = 0;
            for (int i = 0; i < probe.size(); i++) {
                double[] row = probe.rows()[i];
                assertThat(ours.predict(row)).as("row %d", i).isCloseTo(theirs[i][0], org.assertj.core.data.Offset.offset(1e-6));
                assertThat(ours.margin(row)).as("margin row %d", i).isCloseTo(theirMargins[i][0], org.assertj.core.data.Offset.offset(1e-5));
                withMissing += java.util.Arrays.stream(row).anyMatch(Double::isNaN) ? 1 : 0;
            }
            assertThat(withMissing).as("rows with missing values exercised").isGreaterThan(1000);
        } finally {
            booster.dispose();
        }
    }

    @Test
    void allMissingRowFollowsDefaultDirections() throws Exception {
        long seed = TestData.seed();
        Dataset train = TestData.synthetic(1000, 4, 0.2, new Random(seed));
        Booster booster = GbtTrainer.trainBooster(train, GbtParams.defaults().withRounds(10).withSeed(seed));
        try {
            JsonNode json = GbtTrainer.toJson(booster);
            double[] row = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            DMatrix matrix = GbtTrainer.matrix(new double[][] {row}, 4);
            float expected = booster.predict(matrix)[0][0];
            matrix.dispose();
            assertThat(XgboostJson.read(json).predict(row)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
        } finally {
            booster.dispose();
        }
    }
}
