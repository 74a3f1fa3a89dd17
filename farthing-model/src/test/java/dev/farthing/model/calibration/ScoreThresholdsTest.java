package dev.farthing.model.calibration;

import dev.farthing.model.TestData;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoreThresholdsTest {

    @Test
    void eachBandLetsAtMostItsTargetOfLegitimateScoresAbove() {
        long seed = TestData.seed();
        Random random = new Random(seed);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1000 + random.nextInt(20_000);
            double[] legit = new double[n];
            for (int i = 0; i < n; i++) {
                // Skewed, with ties: many payments score exactly the same low value.
                legit[i] = random.nextDouble() < 0.3 ? 0.01 : Math.pow(random.nextDouble(), 4);
            }
            ScoreThresholds t = ScoreThresholds.select(legit);
            String where = "seed " + seed + " trial " + trial;
            assertThat(ScoreThresholds.rateAbove(legit, t.decline())).as(where).isLessThanOrEqualTo(0.001);
            assertThat(ScoreThresholds.rateAbove(legit, t.review())).as(where).isLessThanOrEqualTo(0.003);
            assertThat(ScoreThresholds.rateAbove(legit, t.challenge())).as(where).isLessThanOrEqualTo(0.01);
            // Not needlessly high: one step lower lets more than the target through (continuous scores).
            assertThat(ScoreThresholds.rateAbove(legit, Math.nextDown(t.challenge()))).as(where)
                    .isGreaterThan(0.01 - 2.0 / n);
            assertThat(t.challenge()).isLessThanOrEqualTo(t.review());
            assertThat(t.review()).isLessThanOrEqualTo(t.decline());
            assertThat(t.legitimateRows()).isEqualTo(n);
        }
    }

    @Test
    void smallSetsAreConservativeAndRoundTripThroughJson() {
        ScoreThresholds t = ScoreThresholds.select(new double[] {0.1, 0.2, 0.3, 0.9});
        // Four rows: no row may lie above a 0.1% band, so the threshold is the largest score.
        assertThat(t.decline()).isEqualTo(0.9);
        assertThat(t.challenge()).isEqualTo(0.9);
        assertThat(ScoreThresholds.fromJson(t.toJson())).isEqualTo(t);
        assertThat(ScoreThresholds.NONE.present()).isFalse();
        assertThatThrownBy(() -> ScoreThresholds.select(new double[] {0.1}, 0.01, 0.001, 0.1))
                .hasMessageContaining("0 < decline <= review <= challenge < 1");
    }
}
