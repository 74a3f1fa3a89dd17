package dev.farthing.simulator;

import dev.farthing.contracts.payment.PaymentContext.Telemetry;
import dev.farthing.simulator.traffic.TelemetryStyle;
import dev.farthing.simulator.world.Device;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryStyleTest {
    private static final Device DESKTOP = new Device("d1", Device.Kind.DESKTOP, "ua");
    private static final Device PHONE = new Device("d2", Device.Kind.PHONE, "ua");

    @Test
    void peopleTypeIrregularlyAndScriptsTypeLikeAMetronome() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        int n = 2000;
        double[] humanCv = new double[n];
        for (int i = 0; i < n; i++) {
            Telemetry human = TelemetryStyle.human(DESKTOP, true, random);
            humanCv[i] = cv(human.keystrokeIntervalsMs());
            assertThat(human.pointerStraightness()).isBetween(0.05, 0.97);
            Telemetry script = TelemetryStyle.scripted(DESKTOP, 0.0, random);
            if (script.keystrokeIntervalsMs().length >= 3) {
                assertThat(cv(script.keystrokeIntervalsMs())).isLessThan(0.12);
            }
            assertThat(script.pointerStraightness()).isEqualTo(1.0);
            assertThat(TelemetryStyle.scripted(PHONE, 0.2, random).touchPressureVar()).isZero();
            assertThat(TelemetryStyle.human(PHONE, false, random).touchPressureVar()).isPositive();
        }
        Arrays.sort(humanCv);
        // People's rhythm is irregular, but a short burst of typing can look regular: a few do, most do not.
        assertThat(humanCv[n / 2]).isGreaterThan(0.3);
        assertThat(humanCv[n / 50]).isGreaterThan(0.12);
    }

    private static double cv(int[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        double var = Arrays.stream(values).mapToDouble(v -> (v - mean) * (v - mean)).average().orElse(0);
        return Math.sqrt(var) / mean;
    }
}
