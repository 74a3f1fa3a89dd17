package dev.farthing.model.iforest;

import dev.farthing.model.TestData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PathAttributionTest {

    private static double[][] gaussian(Random random, int rows, int width) {
        double[][] out = new double[rows][width];
        for (double[] row : out) {
            for (int j = 0; j < width; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return out;
    }

    @Test
    void pointAnomalousInOneFeatureAttributesMostToThatFeature() {
        long seed = TestData.seed();
        Random random = new Random(seed);
        double[][] rows = gaussian(random, 3000, 6);
        IsolationForest forest = IsolationForest.train(rows, IsolationForestParams.defaults(seed));
        PathAttribution attribution = forest.attribution();
        double[] out = new double[7];
        for (int feature = 0; feature < 6; feature++) {
            double[] point = new double[6];
            for (int j = 0; j < 6; j++) {
                point[j] = random.nextDouble() - 0.5; // typical in every other feature
            }
            point[feature] = (random.nextBoolean() ? 1 : -1) * (6 + 2 * random.nextDouble());
            attribution.contributions(point, out);
            int top = 0;
            for (int j = 1; j < 6; j++) {
                top = out[j] > out[top] ? j : top;
            }
            assertThat(top).as("feature made anomalous, point %s, contributions %s", Arrays.toString(point),
                    Arrays.toString(out)).isEqualTo(feature);
            double runnerUp = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < 6; j++) {
                runnerUp = j == feature ? runnerUp : Math.max(runnerUp, out[j]);
            }
            assertThat(out[feature]).as("well ahead of every other feature").isPositive()
                    .isGreaterThan(2 * runnerUp);
            assertThat(Arrays.stream(out).sum()).isCloseTo(forest.score(point), within(1e-9));
        }
    }

    @Test
    void contributionsSumToTheScoreFromABaselineOfOneHalfAndMissingValuesCount() {
        long seed = TestData.seed();
        Random random = new Random(seed);
        double[][] rows = gaussian(random, 2000, 4);
        IsolationForest forest = IsolationForest.train(rows, IsolationForestParams.defaults(seed));
        PathAttribution attribution = forest.attribution();
        assertThat(attribution.baseline()).isCloseTo(0.5, within(1e-12));
        double[] out = new double[5];
        for (int i = 0; i < 200; i++) {
            double[] point = gaussian(random, 1, 4)[0];
            if (i % 3 == 0) {
                point[i % 4] = Double.NaN;
            }
            attribution.contributions(point, out);
            assertThat(out[4]).isEqualTo(attribution.baseline());
            assertThat(Arrays.stream(out).sum()).as("point %d", i).isCloseTo(forest.score(point), within(1e-9));
        }
        double[] typical = {0, 0, 0, 0};
        attribution.contributions(typical, out);
        assertThat(forest.score(typical)).isLessThan(0.5);
        assertThat(Arrays.stream(out, 0, 4).sum()).isNegative();
    }

    @Test
    void attributionSurvivesTheJsonRoundTrip() {
        long seed = TestData.seed();
        Random random = new Random(seed);
        IsolationForest forest = IsolationForest.train(gaussian(random, 500, 3), IsolationForestParams.defaults(seed));
        IsolationForest copy = IsolationForest.fromJson(forest.toJson());
        double[] point = {4, 0, -1};
        double[] a = new double[4];
        double[] b = new double[4];
        forest.attribution().contributions(point, a);
        copy.attribution().contributions(point, b);
        assertThat(b).containsExactly(a);
    }
}
