package dev.farthing.model.guard;

import dev.farthing.model.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrainingStatsTest {

    @Test
    void quantilesBinsAndJsonRoundTrip() {
        double[][] rows = new double[1001][];
        for (int i = 0; i <= 1000; i++) {
            rows[i] = new double[] {i, i % 2, Double.NaN};
        }
        TrainingStats stats = TrainingStats.of(List.of("ramp", "flag", "never"), rows, 10);
        FeatureStats ramp = stats.features().get(0);
        assertThat(ramp.min()).isEqualTo(0);
        assertThat(ramp.p0_1()).isCloseTo(1.0, within(1e-9));
        assertThat(ramp.p50()).isEqualTo(500);
        assertThat(ramp.p99_9()).isCloseTo(999.0, within(1e-9));
        assertThat(ramp.max()).isEqualTo(1000);
        assertThat(ramp.edges()).containsExactly(100, 200, 300, 400, 500, 600, 700, 800, 900);
        assertThat(ramp.bin(-5)).isZero();
        assertThat(ramp.bin(100)).isEqualTo(1);
        assertThat(ramp.bin(950)).isEqualTo(9);
        assertThat(ramp.bin(Double.NaN)).isEqualTo(10);
        FeatureStats flag = stats.features().get(1);
        assertThat(flag.edges()).containsExactly(0, 1);
        assertThat(flag.fractions()[1] + flag.fractions()[2]).isCloseTo(1.0, within(1e-12));
        FeatureStats never = stats.features().get(2);
        assertThat(never.known()).isZero();
        assertThat(never.fractions()).containsExactly(0, 1);
        TrainingStats back = TrainingStats.fromJson(stats.toJson(), List.of("ramp", "flag", "never"));
        assertThat(back.features().get(0).edges()).containsExactly(ramp.edges());
        assertThat(back.features().get(0).p99_9()).isEqualTo(ramp.p99_9());
        assertThat(back.baseRate()).isEqualTo(stats.baseRate());
    }

    @Test
    void farValuesAreNamedAndShrinkTheWeight() {
        long seed = TestData.seed();
        Random random = new Random(seed);
        double[][] rows = new double[5000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {random.nextGaussian(), random.nextGaussian() * 10, random.nextInt(2)};
        }
        TrainingStats stats = TrainingStats.of(List.of("a", "b", "flag"), rows, 50);
        assertThat(stats.check(new double[] {0.5, -3, 1})).isSameAs(OodCheck.IN_DISTRIBUTION);
        assertThat(stats.check(new double[] {Double.NaN, Double.NaN, Double.NaN}).outOfDistribution()).isFalse();
        // 3.5 sigma is outside p99.9 but within 3 IQRs of it: unusual, not far.
        assertThat(stats.check(new double[] {3.5, 0, 0}).outOfDistribution()).isFalse();
        OodCheck one = stats.check(new double[] {40, 0, 0});
        assertThat(one.farFeatures()).as("seed %d", seed).containsExactly("a");
        assertThat(one.weight()).isEqualTo(0.5);
        assertThat(one.shrink(0.9, 0.01)).isCloseTo(0.455, within(1e-12));
        OodCheck three = stats.check(new double[] {-40, 1e6, 9});
        assertThat(three.farFeatures()).containsExactly("a", "b", "flag");
        assertThat(three.weight()).isEqualTo(0.125);
    }
}
