package dev.farthing.model.iforest;

import dev.farthing.model.TestData;
import dev.farthing.model.metrics.BinaryMetrics;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class IsolationForestTest {

    /** 2000 inliers from a unit Gaussian in 5 dimensions plus 20 planted points 6 to 8 units out in random directions. */
    private static double[][] planted(Random random, int[] labels) {
        double[][] rows = new double[labels.length][5];
        for (int i = 0; i < rows.length; i++) {
            boolean outlier = i % 101 == 0;
            labels[i] = outlier ? 1 : 0;
            for (int j = 0; j < 5; j++) {
                rows[i][j] = random.nextGaussian();
            }
            if (outlier) {
                double norm = Math.sqrt(java.util.Arrays.stream(rows[i]).map(v -> v * v).sum());
                double radius = 6 + 2 * random.nextDouble();
                for (int j = 0; j < 5; j++) {
                    rows[i][j] *= radius / norm;
                }
            }
        }
        return rows;
    }

    @Test
    void plantedOutliersScoreAboveInliers() {
        long seed = TestData.seed();
        Random random = new Random(seed);
        int[] labels = new int[2020];
        double[][] rows = planted(random, labels);
        IsolationForest forest = IsolationForest.train(rows, IsolationForestParams.defaults(seed));
        double[] scores = new double[rows.length];
        double inlierSum = 0, outlierSum = 0;
        for (int i = 0; i < rows.length; i++) {
            scores[i] = forest.score(rows[i]);
            assertThat(scores[i]).isBetween(0.0, 1.0);
            if (labels[i] == 1) outlierSum += scores[i]; else inlierSum += scores[i];
        }
        assertThat(BinaryMetrics.rocAuc(scores, labels)).isGreaterThan(0.98);
        assertThat(outlierSum / 20).isGreaterThan(0.6);
        assertThat(inlierSum / 2000).isLessThan(0.5);
        assertThat(forest.score(new double[] {50, 50, 50, 50, 50})).isGreaterThan(0.7);
    }

    @Test
    void sameSeedSameForestAndJsonRoundTripScoresIdentically() {
        long seed = TestData.seed();
        double[][] rows = planted(new Random(seed), new int[600]);
        IsolationForest a = IsolationForest.train(rows, IsolationForestParams.defaults(seed));
        IsolationForest b = IsolationForest.train(rows, IsolationForestParams.defaults(seed));
        IsolationForest c = IsolationForest.train(rows, IsolationForestParams.defaults(seed + 1));
        assertThat(a.toJson()).isEqualTo(b.toJson());
        assertThat(a.toJson()).isNotEqualTo(c.toJson());
        IsolationForest restored = IsolationForest.fromJson(a.toJson());
        for (double[] row : rows) {
            assertThat(restored.score(row)).isEqualTo(a.score(row));
        }
    }

    @Test
    void missingValuesScoreWithoutFailingAndConstantDataIsNotAnomalous() {
        double[][] rows = new double[300][3];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {i % 7, i % 3 == 0 ? Double.NaN : i, 1.0};
        }
        IsolationForest forest = IsolationForest.train(rows, new IsolationForestParams(50, 128, 7));
        assertThat(forest.score(new double[] {Double.NaN, Double.NaN, Double.NaN})).isBetween(0.0, 1.0);

        double[][] constant = new double[100][2];
        IsolationForest flat = IsolationForest.train(constant, new IsolationForestParams(10, 64, 1));
        // Nothing can be isolated: every path ends at the root leaf, depth c(64), so the score is exactly 0.5.
        assertThat(flat.score(new double[] {0, 0})).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void pathLengthNormalisationMatchesThePaper() {
        assertThat(PathLength.average(1)).isZero();
        assertThat(PathLength.average(2)).isEqualTo(1.0);
        // c(256) = 2 H(255) - 2 * 255 / 256 with H(i) ~ ln(i) + gamma.
        assertThat(PathLength.average(256)).isCloseTo(2 * (Math.log(255) + 0.5772156649) - 2 * 255.0 / 256, within(1e-9));
    }

    @Test
    void refusesCorruptJsonAndWrongWidth() {
        IsolationForest forest = IsolationForest.train(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new IsolationForestParams(3, 3, 1));
        assertThatThrownBy(() -> forest.score(new double[3])).hasMessageContaining("expects 2");
        var json = forest.toJson();
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("left")).set(0, 0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("feature")).set(0, 0);
        assertThatThrownBy(() -> IsolationForest.fromJson(json)).hasMessageContaining("invalid isolation forest node");
        assertThatThrownBy(() -> IsolationForest.train(new double[][] {{1}}, IsolationForestParams.defaults(1)))
                .hasMessageContaining("at least 2 rows");
    }
}
