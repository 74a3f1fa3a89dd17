package dev.farthing.model.gbt;

import dev.farthing.model.TestData;
import dev.farthing.model.data.Dataset;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The paired walk (sibling leaves merged) gives the contributions of the per-leaf tables and of Algorithm 2, on
 * random ensembles (shallow and deep, few features so they repeat on paths, missing values) and random rows
 * (seeded; the seed is printed, {@code -Dfarthing.seed=N} reproduces).
 */
class PairedShapTablesTest {

    @Test
    void pairedWalkEqualsPerLeafTablesAndAlgorithmTwoOnRandomRows() throws Exception {
        long seed = TestData.seed();
        Random random = new Random(seed);
        for (int depth : new int[] {1, 3, 6}) {
            int width = 4 + random.nextInt(5); // the synthetic label reads f0..f3
            Dataset train = TestData.synthetic(2000, width, 0.2, random);
            Booster booster = GbtTrainer.trainBooster(train, GbtParams.defaults().withRounds(30).withMaxDepth(depth)
                    .withSeed(random.nextLong()));
            try {
                TreeEnsemble trees = XgboostJson.read(GbtTrainer.toJson(booster));
                TreeShap shap = trees.explainer();
                assertThat(shap.usesTables()).isTrue();
                double[] paired = new double[width + 1];
                double[] perLeaf = new double[width + 1];
                double[] recursion = new double[width + 1];
                for (int i = 0; i < 500; i++) {
                    double[] row = new double[width];
                    for (int j = 0; j < width; j++) {
                        row[j] = random.nextInt(8) == 0 ? Double.NaN : random.nextGaussian() * 2;
                    }
                    shap.contributions(row, paired);
                    shap.contributionsPerLeaf(row, perLeaf);
                    shap.contributionsByRecursion(row, recursion);
                    double sum = 0;
                    for (int j = 0; j <= width; j++) {
                        assertThat(paired[j]).as("seed %d depth %d row %d column %d: per-leaf", seed, depth, i, j)
                                .isCloseTo(perLeaf[j], within(1e-12));
                        assertThat(paired[j]).as("seed %d depth %d row %d column %d: Algorithm 2", seed, depth, i, j)
                                .isCloseTo(recursion[j], within(1e-9));
                        sum += paired[j];
                    }
                    assertThat(sum).as("seed %d: sums to the margin", seed).isCloseTo(trees.margin(row), within(1e-5));
                }
            } finally {
                booster.dispose();
            }
        }
    }
}
