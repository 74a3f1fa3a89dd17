package dev.farthing.model.logistic;

import dev.farthing.model.TestData;
import dev.farthing.model.data.Dataset;
import dev.farthing.model.metrics.BinaryMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LogisticTrainerTest {

    /**
     * One binary feature, no penalty: the maximum-likelihood fit reproduces each group's observed rate, so the
     * intercept is logit(2/10) = -ln 4 and the weight logit(8/10) - logit(2/10) = 2 ln 4.
     */
    @Test
    void unpenalisedFitMatchesTheClosedFormSolution() {
        double[][] rows = new double[20][];
        int[] labels = new int[20];
        for (int i = 0; i < 20; i++) {
            boolean group1 = i >= 10;
            rows[i] = new double[] {group1 ? 1 : 0};
            labels[i] = group1 ? (i - 10 < 8 ? 1 : 0) : (i < 2 ? 1 : 0);
        }
        LogisticRegression model = LogisticTrainer.train(new Dataset(List.of("x"), rows, labels, null),
                new LogisticParams(0, 100, 1e-12));
        assertThat(model.rawIntercept()).isCloseTo(-Math.log(4), within(1e-9));
        assertThat(model.rawWeights()[0]).isCloseTo(2 * Math.log(4), within(1e-9));
        assertThat(model.predict(new double[] {0})).isCloseTo(0.2, within(1e-9));
        assertThat(model.predict(new double[] {1})).isCloseTo(0.8, within(1e-9));
        assertThat(model.iterations()).isLessThan(20);
    }

    /** Two separable clouds: the L2 penalty keeps the weights finite and the fit ranks every row right. */
    @Test
    void separableDataStaysFiniteAndRanksPerfectly() {
        long seed = TestData.seed();
        Random random = new Random(seed);
        int n = 200;
        double[][] rows = new double[n][2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double centre = labels[i] == 1 ? 3 : -3;
            rows[i][0] = centre + random.nextDouble() * 2 - 1; // separable on x0 with a margin of 4
            rows[i][1] = random.nextGaussian();                // noise
        }
        Dataset data = new Dataset(List.of("x0", "x1"), rows, labels, null);
        LogisticRegression model = LogisticTrainer.train(data, LogisticParams.defaults());
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = model.predict(rows[i]);
        }
        assertThat(BinaryMetrics.rocAuc(scores, labels)).isEqualTo(1.0);
        assertThat(model.standardisedWeights()[0]).isFinite().isGreaterThan(1);
        assertThat(Math.abs(model.standardisedWeights()[1])).isLessThan(model.standardisedWeights()[0] / 5);
    }

    /** With a penalty the optimum has zero gradient: checked by central differences, independently of Newton. */
    @Test
    void penalisedFitIsAStationaryPointAndDeterministic() {
        long seed = TestData.seed();
        Dataset data = TestData.synthetic(500, 4, 0.05, new Random(seed));
        LogisticParams params = new LogisticParams(0.05, 100, 1e-12);
        LogisticRegression model = LogisticTrainer.train(data, params);
        double[] means = new double[4];
        double[] scales = new double[4];
        double[][] x = LogisticTrainer.standardise(data.rows(), means, scales);
        double[] y = new double[data.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = data.labels()[i];
        }
        double[] theta = new double[5];
        theta[0] = model.margin(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
        System.arraycopy(model.standardisedWeights(), 0, theta, 1, 4);
        for (int j = 0; j < theta.length; j++) {
            double h = 1e-5;
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[j] += h;
            down[j] -= h;
            double slope = (LogisticTrainer.objective(x, y, up, params.l2())
                    - LogisticTrainer.objective(x, y, down, params.l2())) / (2 * h);
            assertThat(slope).as("d objective / d theta[%d]", j).isCloseTo(0, within(1e-6));
        }
        LogisticRegression again = LogisticTrainer.train(data, params);
        assertThat(again.standardisedWeights()).containsExactly(model.standardisedWeights());
    }

    @Test
    void refusesOneClassData() {
        Dataset one = new Dataset(List.of("x"), new double[][] {{1}, {2}}, new int[] {0, 0}, null);
        assertThatThrownBy(() -> LogisticTrainer.train(one, LogisticParams.defaults()))
                .hasMessageContaining("both classes");
        assertThatThrownBy(() -> new LogisticParams(-1, 10, 1e-9)).hasMessageContaining("l2");
    }
}
