package dev.farthing.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.model.calibration.ScoreThresholds;
import dev.farthing.model.data.Dataset;
import dev.farthing.model.gbt.GbtParams;
import dev.farthing.model.guard.OodCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Training statistics, calibration and thresholds: trained, stored, applied; old bundles still load. */
class GuardedModelTest {
    static long seed;
    static Dataset train;
    static Dataset calibration;
    static RiskModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnOneSeedCalibrateOnAnother() {
        seed = TestData.seed();
        train = TestData.synthetic(3000, 5, 0.05, new Random(seed));
        calibration = TestData.synthetic(6000, 5, 0.05, new Random(seed + 1));
        model = ModelTrainer.train(train, calibration, null, GbtParams.defaults().withRounds(20).withSeed(seed), null,
                JsonNodeFactory.instance.objectNode().put("format", "synthetic"), Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void theBundleCarriesStatsCalibrationAndThresholdsAndRoundTrips() throws Exception {
        assertThat(model.hasTrainingStats()).isTrue();
        assertThat(model.isCalibrated()).isTrue();
        ScoreThresholds t = model.thresholds();
        assertThat(t.present()).isTrue();
        assertThat(t.legitimateRows()).isEqualTo(calibration.size() - calibration.positives());
        assertThat(model.training().path("calibration_rows").path("rows").asInt()).isEqualTo(calibration.size());
        Path file = dir.resolve("model.json");
        model.write(file);
        RiskModel loaded = RiskModel.load(file);
        assertThat(loaded.version()).isEqualTo(model.version());
        assertThat(loaded.thresholds()).isEqualTo(t);
        assertThat(loaded.hasTrainingStats()).isTrue();
        for (double[] row : calibration.rows()) {
            assertThat(loaded.score(row)).isEqualTo(model.score(row));
        }
        // The thresholds meet their targets on the rows they were chosen on.
        double[] legit = new double[t.legitimateRows()];
        int k = 0;
        for (int i = 0; i < calibration.size(); i++) {
            if (calibration.labels()[i] == 0) {
                legit[k++] = model.fraudScore(calibration.rows()[i]);
            }
        }
        assertThat(ScoreThresholds.rateAbove(legit, t.decline())).isLessThanOrEqualTo(0.001);
        assertThat(ScoreThresholds.rateAbove(legit, t.challenge())).isLessThanOrEqualTo(0.01);
    }

    @Test
    void calibrationIsMonotoneInTheRawScore() {
        RiskModel raw = model.withGuards(new ModelGuards(null, null, ScoreThresholds.NONE));
        double[][] rows = calibration.rows();
        Integer[] order = new Integer[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(raw.fraudScore(rows[a]), raw.fraudScore(rows[b])));
        double previous = -1;
        for (Integer i : order) {
            OodCheck ood = model.outOfDistribution(rows[i]);
            if (ood.outOfDistribution()) {
                continue;
            }
            double p = model.fraudScore(rows[i]);
            assertThat(p).as("seed %d", seed).isGreaterThanOrEqualTo(previous);
            assertThat(model.rawFraudScore(rows[i])).isEqualTo(raw.fraudScore(rows[i]));
            previous = p;
        }
    }

    @Test
    void aRowFarOutsideTrainingIsShrunkTowardTheBaseRateAndNamedButNeverRaised() {
        RiskModel unguarded = model.withGuards(new ModelGuards(null, model.guards().calibrator(), model.thresholds()));
        double base = model.guards().trainingStats().baseRate();
        int checked = 0;
        for (double[] row : calibration.rows()) {
            double[] far = row.clone();
            far[4] = 1e4; // f4 does not enter the label: the trees extrapolate flat, the guard distrusts them
            OodCheck ood = model.outOfDistribution(far);
            assertThat(ood.farFeatures()).containsExactly("f4");
            double guarded = model.fraudScore(far);
            double plain = unguarded.fraudScore(far);
            if (plain >= base) {
                assertThat(guarded - base).isCloseTo((plain - base) * 0.5, within(1e-12));
                if (plain - base > 0.05) {
                    assertThat(guarded).isLessThan(plain);
                    checked++;
                }
            } else {
                // Unfamiliar is not suspicious: a score below the prior is never lifted toward it.
                assertThat(guarded).isEqualTo(plain);
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void aFormatVersionOneBundleLoadsWithTheGuardOff() throws Exception {
        ObjectMapper json = new ObjectMapper();
        RiskModel plain = ModelTrainer.train(train, null, GbtParams.defaults().withRounds(5).withSeed(seed), null, null,
                Instant.parse("2026-01-01T00:00:00Z"));
        ObjectNode bundle = plain.bundle().deepCopy();
        bundle.remove("training_stats");
        bundle.put("format_version", 1);
        ObjectNode content = bundle.deepCopy();
        content.remove("version");
        content.remove("created_at");
        bundle.put("version", RiskModelFile.versionOf(content));
        Path file = dir.resolve("v1.json");
        Files.write(file, json.writeValueAsBytes(bundle));
        RiskModel old = RiskModel.load(file);
        assertThat(old.hasTrainingStats()).isFalse();
        assertThat(old.isCalibrated()).isFalse();
        assertThat(old.thresholds().present()).isFalse();
        assertThat(old.drift()).isNull();
        assertThat(old.outOfDistribution(train.rows()[0])).isSameAs(OodCheck.GUARD_OFF);
        double[] far = train.rows()[0].clone();
        far[4] = 1e4;
        assertThat(old.fraudScore(far)).isEqualTo(old.rawFraudScore(far));
        bundle.put("format_version", 3);
        Files.write(file, json.writeValueAsBytes(bundle));
        assertThatThrownBy(() -> RiskModel.load(file)).hasMessageContaining("unsupported model format_version 3");
    }
}
