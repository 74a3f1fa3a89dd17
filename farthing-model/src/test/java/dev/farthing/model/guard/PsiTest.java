package dev.farthing.model.guard;

import dev.farthing.model.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PsiTest {

    @Test
    void matchesAHandComputedExample() {
        // (0.3 - 0.5) ln(0.3/0.5) + (0.7 - 0.5) ln(0.7/0.5) = 0.102165 + 0.067294
        assertThat(Psi.of(new double[] {0.5, 0.5}, new long[] {30, 70})).isCloseTo(0.169459, within(1e-6));
        assertThat(Psi.of(new double[] {0.25, 0.75}, new long[] {25, 75})).isCloseTo(0.0, within(1e-12));
        // An empty bin counts as 1e-4: (0.5 - 1e-4) ln(0.5 / 1e-4) + (0.5 - 1) ln(0.5)
        assertThat(Psi.of(new double[] {0.0, 1.0}, new long[] {5, 5}))
                .isCloseTo((0.5 - 1e-4) * Math.log(0.5 / 1e-4) - 0.5 * Math.log(0.5), within(1e-9));
        assertThat(Psi.of(new double[] {0.5, 0.5}, new long[] {0, 0})).isNaN();
    }

    @Test
    void liveHistogramsSeeAShiftAndNotTheSameDistribution() {
        long seed = TestData.seed();
        Random random = new Random(seed);
        double[][] train = new double[20_000][];
        for (int i = 0; i < train.length; i++) {
            train[i] = new double[] {random.nextGaussian(), random.nextInt(3), random.nextDouble() < 0.2 ? Double.NaN : 1};
        }
        TrainingStats stats = TrainingStats.of(List.of("gauss", "small_count", "flag"), train, 100);
        assertThat(stats.baseRate()).isEqualTo(100 / 20_000.0);
        DriftMonitor same = new DriftMonitor(stats);
        DriftMonitor shifted = new DriftMonitor(stats);
        for (int i = 0; i < 10_000; i++) {
            same.record(new double[] {random.nextGaussian(), random.nextInt(3), random.nextDouble() < 0.2 ? Double.NaN : 1});
            shifted.record(new double[] {random.nextGaussian() + 1, random.nextInt(3), Double.NaN});
        }
        DriftSnapshot s = same.snapshot();
        assertThat(s.rows()).isEqualTo(10_000);
        assertThat(s.features()).allSatisfy(f -> assertThat(f.psi()).as("seed %d %s", seed, f.name()).isLessThan(0.02));
        assertThat(s.exceeding()).isEmpty();
        DriftSnapshot d = shifted.snapshot();
        assertThat(d.features().get(0).psi()).isGreaterThan(0.2);
        assertThat(d.features().get(1).psi()).isLessThan(0.02);
        assertThat(d.features().get(2).psi()).as("all missing now").isGreaterThan(1.0);
        assertThat(d.exceeding()).containsExactly("gauss", "flag");
        assertThat(d.max()).isEqualTo(d.features().get(2).psi());
        assertThat(d.features().get(1).liveCounts()).hasSize(stats.features().get(1).bins());
    }
}
