package dev.farthing.model.gbt;

import dev.farthing.model.TestData;
import dev.farthing.model.data.Dataset;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GbtTunerTest {

    @Test
    void foldsAreStratifiedCompleteAndSeeded() {
        int[] labels = new int[103];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10 == 0 ? 1 : 0; // 11 positives
        }
        int[] a = GbtTuner.folds(labels, 4, 9);
        assertThat(GbtTuner.folds(labels, 4, 9)).isEqualTo(a);
        assertThat(GbtTuner.folds(labels, 4, 10)).isNotEqualTo(a);
        int[] positivesPerFold = new int[4];
        int[] rowsPerFold = new int[4];
        for (int i = 0; i < labels.length; i++) {
            assertThat(a[i]).isBetween(0, 3);
            positivesPerFold[a[i]] += labels[i];
            rowsPerFold[a[i]]++;
        }
        assertThat(positivesPerFold).containsExactlyInAnyOrder(3, 3, 3, 2);
        for (int rows : rowsPerFold) {
            assertThat(rows).isBetween(25, 27);
        }
        assertThatThrownBy(() -> GbtTuner.folds(new int[] {1, 0, 0, 0}, 2, 1)).hasMessageContaining("2 folds");
    }

    @Test
    void picksTheBestCrossValidatedCandidateReproducibly() {
        long seed = TestData.seed();
        Dataset data = TestData.synthetic(600, 5, 0.0, new Random(seed));
        GbtParams base = GbtParams.defaults().withSeed(seed);
        // A one-round stump cannot express the interaction in the data; 60 rounds of depth 3 can.
        List<GbtParams> grid = List.of(base.withRounds(1).withMaxDepth(1), base.withRounds(60).withMaxDepth(3));
        GbtTuner.Result result = GbtTuner.tune(data, grid, 3, seed);
        assertThat(result.trials()).hasSize(2);
        assertThat(result.best()).isEqualTo(grid.get(1));
        assertThat(result.bestPrAuc()).isEqualTo(result.trials().get(1).prAuc())
                .isGreaterThan(result.trials().get(0).prAuc());
        assertThat(GbtTuner.tune(data, grid, 3, seed).bestPrAuc()).isEqualTo(result.bestPrAuc());
        assertThat(GbtTuner.standardGrid(base, 10, 1000)).hasSize(32)
                .allSatisfy(p -> assertThat(p.seed()).isEqualTo(seed))
                .anySatisfy(p -> assertThat(p.scalePosWeight()).isEqualTo(10.0));
    }
}
