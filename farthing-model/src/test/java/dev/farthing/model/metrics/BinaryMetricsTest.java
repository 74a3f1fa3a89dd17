package dev.farthing.model.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Small cases computed by hand (and cross-checked against scikit-learn's definitions). */
class BinaryMetricsTest {

    // score: 0.9 0.8 0.7 0.6 0.5 0.4 0.3 0.2
    // label:   1   0   1   1   0   0   1   0
    private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    private static final int[] LABELS = {1, 0, 1, 1, 0, 0, 1, 0};

    @Test
    void confusionAtThreshold() {
        Confusion c = BinaryMetrics.at(SCORES, LABELS, 0.6);
        // flagged: 0.9(1) 0.8(0) 0.7(1) 0.6(1) -> tp 3, fp 1; unflagged: 0.5 0.4 0.2 negatives, 0.3 positive
        assertThat(c).isEqualTo(new Confusion(0.6, 3, 1, 3, 1));
        assertThat(c.precision()).isEqualTo(0.75);
        assertThat(c.recall()).isEqualTo(0.75);
        assertThat(c.falsePositiveRate()).isEqualTo(0.25);
        assertThat(BinaryMetrics.at(SCORES, LABELS, 2.0).precision()).isNaN();
    }

    @Test
    void rocAucCountsCorrectlyOrderedPairs() {
        // Pairs (pos, neg) ordered correctly: pos .9 beats 4 neg; .7 beats 3; .6 beats 3; .3 beats 1 -> 11 of 16.
        assertThat(BinaryMetrics.rocAuc(SCORES, LABELS)).isCloseTo(11.0 / 16, within(1e-12));
    }

    @Test
    void rocAucCountsTiesAsHalf() {
        // pos {0.5, 0.9}, neg {0.5, 0.1}: pairs (0.5,0.5) tie = .5, (0.5,0.1) 1, (0.9,*) 2 -> 3.5 of 4.
        assertThat(BinaryMetrics.rocAuc(new double[] {0.5, 0.9, 0.5, 0.1}, new int[] {1, 1, 0, 0}))
                .isCloseTo(3.5 / 4, within(1e-12));
        assertThat(BinaryMetrics.rocAuc(new double[] {0.3, 0.3}, new int[] {1, 0})).isEqualTo(0.5);
        assertThat(BinaryMetrics.rocAuc(new double[] {0.3, 0.4}, new int[] {1, 1})).isNaN();
    }

    @Test
    void averagePrecisionSumsPrecisionAtEachRecallStep() {
        // Positives at ranks 1, 3, 4, 7: AP = (1/1 + 2/3 + 3/4 + 4/7) / 4.
        assertThat(BinaryMetrics.averagePrecision(SCORES, LABELS))
                .isCloseTo((1 + 2.0 / 3 + 3.0 / 4 + 4.0 / 7) / 4, within(1e-12));
    }

    @Test
    void averagePrecisionTreatsTiesAsOneThreshold() {
        // All tied: one threshold with precision 2/4 and recall 1 -> AP = 0.5 (no credit for lucky ordering).
        assertThat(BinaryMetrics.averagePrecision(new double[] {1, 1, 1, 1}, new int[] {1, 0, 1, 0})).isEqualTo(0.5);
    }

    @Test
    void recallAtFprPicksTheLowestThresholdWithinBudget() {
        // Budget 25% of 4 negatives = 1 false positive: threshold 0.6 catches 3 of 4 positives.
        OperatingPoint p = BinaryMetrics.recallAtFpr(SCORES, LABELS, 0.25);
        assertThat(p.threshold()).isEqualTo(0.6);
        assertThat(p.recall()).isEqualTo(0.75);
        assertThat(p.falsePositiveRate()).isEqualTo(0.25);
        // Budget 0: only above the first negative (0.8) -> threshold 0.9, recall 1/4.
        OperatingPoint strict = BinaryMetrics.recallAtFpr(SCORES, LABELS, 0.0);
        assertThat(strict.threshold()).isEqualTo(0.9);
        assertThat(strict.recall()).isEqualTo(0.25);
        // A tie between a positive and a negative at the top cannot be split: nothing is flagged.
        OperatingPoint tied = BinaryMetrics.recallAtFpr(new double[] {0.9, 0.9, 0.1}, new int[] {1, 0, 0}, 0.0);
        assertThat(tied.threshold()).isInfinite();
        assertThat(tied.recall()).isZero();
    }

    @Test
    void perScenarioBreakdown() {
        String[] scenarios = {"bot", "legit", "bot", "mule_ring", "legit", "legit", "mule_ring", "legit"};
        Evaluation e = Evaluation.of(SCORES, LABELS, scenarios, 0.6);
        assertThat(e.scenarios()).extracting(ScenarioMetrics::scenario).containsExactly("bot", "legit", "mule_ring");
        ScenarioMetrics bot = e.scenarios().get(0);
        assertThat(bot.recall()).isEqualTo(1.0);
        // bot positives {0.9, 0.7} vs legit {0.8, 0.5, 0.4, 0.2}: 0.9 beats 4, 0.7 beats 3 -> 7 of 8.
        assertThat(bot.rocAucVsLegit()).isEqualTo(7.0 / 8);
        ScenarioMetrics legit = e.scenarios().get(1);
        assertThat(legit.falsePositiveRate()).isEqualTo(0.25);
        assertThat(legit.rocAucVsLegit()).isNaN();
        ScenarioMetrics mule = e.scenarios().get(2);
        assertThat(mule.recall()).isEqualTo(0.5);
        // mule positives {0.6, 0.3} vs legit {0.8, 0.5, 0.4, 0.2}: 0.6 beats 3, 0.3 beats 1 -> 4 of 8.
        assertThat(mule.rocAucVsLegit()).isEqualTo(0.5);
    }
}
