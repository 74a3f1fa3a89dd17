package dev.farthing.model.calibration;

import dev.farthing.model.TestData;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class IsotonicCalibratorTest {

    @Test
    void poolsAdjacentViolatorsAsComputedByHand() {
        // (0.2: 1) then (0.3: 0) violate the order: pooled to 0.5 at their mean score 0.25. The two 1s stay apart.
        IsotonicCalibrator c = IsotonicCalibrator.fit(new double[] {0.3, 0.1, 0.5, 0.2, 0.4}, new int[] {0, 0, 1, 1, 1});
        assertThat(c.blocks()).isEqualTo(4);
        assertThat(c.apply(0.05)).isEqualTo(0.0);
        assertThat(c.apply(0.1)).isEqualTo(0.0);
        assertThat(c.apply(0.25)).isCloseTo(0.5, within(1e-12));
        assertThat(c.apply(0.325)).isCloseTo(0.75, within(1e-12)); // halfway between the blocks at 0.25 and 0.4
        assertThat(c.apply(0.45)).isEqualTo(1.0);
        assertThat(c.apply(0.9)).isEqualTo(1.0);
        assertThat(c.apply(Double.NaN)).isNaN();
        // All decreasing: one block, the overall rate.
        IsotonicCalibrator flat = IsotonicCalibrator.fit(new double[] {0.1, 0.2, 0.3}, new int[] {1, 0, 0});
        assertThat(flat.blocks()).isEqualTo(1);
        assertThat(flat.apply(0.0)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(flat.apply(1.0)).isCloseTo(1.0 / 3, within(1e-12));
        // Equal scores are one point: their labels average before pooling.
        IsotonicCalibrator ties = IsotonicCalibrator.fit(new double[] {0.5, 0.5, 0.5, 0.9}, new int[] {1, 0, 0, 1});
        assertThat(ties.apply(0.5)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(ties.apply(0.9)).isEqualTo(1.0);
    }

    @Test
    void isMonotonicOnRandomDataAndRoundTripsThroughJson() {
        long seed = TestData.seed();
        Random random = new Random(seed);
        int n = 2000;
        double[] scores = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            scores[i] = Math.round(random.nextDouble() * 200) / 200.0; // ties on purpose
            labels[i] = random.nextDouble() < scores[i] * scores[i] ? 1 : 0;
        }
        IsotonicCalibrator c = IsotonicCalibrator.fit(scores, labels);
        IsotonicCalibrator back = IsotonicCalibrator.fromJson(c.toJson());
        double previous = -1;
        for (int k = 0; k <= 1000; k++) {
            double p = c.apply(k / 1000.0);
            assertThat(p).as("seed %d at %d", seed, k).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
            assertThat(back.apply(k / 1000.0)).isEqualTo(p);
            previous = p;
        }
        assertThat(c.rows()).isEqualTo(n);
    }

    @Test
    void calibratedBinsMatchObservedRatesOnFreshData() {
        long seed = TestData.seed();
        Random random = new Random(seed);
        // A model that is right in ranking but wrong in level: the true probability is raw cubed.
        IsotonicCalibrator c = IsotonicCalibrator.fit(draw(random, 100_000, true), lastLabels);
        double[] raw = draw(random, 100_000, true);
        int[] labels = lastLabels;
        double[] predicted = new double[10];
        double[] observed = new double[10];
        double[] rawMean = new double[10];
        int[] count = new int[10];
        for (int i = 0; i < raw.length; i++) {
            double p = c.apply(raw[i]);
            int bin = Math.min(9, (int) (p * 10));
            predicted[bin] += p;
            observed[bin] += labels[i];
            rawMean[bin] += raw[i];
            count[bin]++;
        }
        int checked = 0;
        double worstRaw = 0;
        for (int b = 0; b < 10; b++) {
            if (count[b] < 2000) {
                continue;
            }
            checked++;
            double rate = observed[b] / count[b];
            // Within fitting error plus four standard errors of the observed rate.
            double tolerance = 0.01 + 4 * Math.sqrt(0.25 / count[b]);
            assertThat(predicted[b] / count[b]).as("seed %d bin %d", seed, b).isCloseTo(rate, within(tolerance));
            worstRaw = Math.max(worstRaw, Math.abs(rawMean[b] / count[b] - rate));
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
        assertThat(worstRaw).as("the raw scores were miscalibrated to begin with").isGreaterThan(0.1);
    }

    private int[] lastLabels;

    private double[] draw(Random random, int n, boolean cubed) {
        double[] raw = new double[n];
        lastLabels = new int[n];
        for (int i = 0; i < n; i++) {
            raw[i] = random.nextDouble();
            double p = cubed ? raw[i] * raw[i] * raw[i] : raw[i];
            lastLabels[i] = random.nextDouble() < p ? 1 : 0;
        }
        return raw;
    }

    @Test
    void refusesInconsistentInput() {
        assertThatThrownBy(() -> IsotonicCalibrator.fit(new double[] {0.1}, new int[] {0, 1}))
                .hasMessageContaining("1 scores but 2 labels");
        assertThatThrownBy(() -> IsotonicCalibrator.fit(new double[] {Double.NaN}, new int[] {1}))
                .hasMessageContaining("no scored rows");
    }
}
