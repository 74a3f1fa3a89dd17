package dev.farthing.risk.decide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.model.RiskModel;
import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.features.FeatureFamily;
import dev.farthing.risk.features.FeatureSchema;
import dev.farthing.risk.features.ModelDirections;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Novelty is not evidence, as a property of the shipped model itself: it was trained monotone in every novelty
 * feature (young accounts, no history, new devices, IPs and instruments, missing telemetry, carrier NAT), so on
 * any row, moving one of them toward novelty, or making it missing, never raises the trees' score. Seeded random
 * rows (-Dfarthing.seed=N).
 */
class ShippedModelNoveltyTest {

    @Test
    void theShippedModelIsTrainedMonotoneInEveryNoveltyFeature() {
        RiskModel shipped = ShippedModel.load().orElseThrow();
        FeatureSchema schema = DefaultFeatureEngine.defaultSchema();
        JsonNode constraints = shipped.training().path("monotone_constraints");
        int[] directions = ModelDirections.of(schema);
        for (int j = 0; j < schema.size(); j++) {
            FeatureSchema.Feature f = schema.feature(j);
            if (f.family() == FeatureFamily.NOVELTY) {
                assertThat(constraints.path(f.name()).path("direction").asInt()).as(f.name()).isEqualTo(directions[j]);
                assertThat(directions[j]).as(f.name()).isNotZero();
            }
        }
    }

    @Test
    void movingANoveltyFeatureTowardNoveltyOrMissingNeverRaisesTheScore() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("ShippedModelNoveltyTest seed=" + seed);
        Random random = new Random(seed);
        RiskModel shipped = ShippedModel.load().orElseThrow();
        FeatureSchema schema = DefaultFeatureEngine.defaultSchema();
        JsonNode constraints = shipped.training().path("monotone_constraints");
        int n = schema.size();
        int checked = 0;
        for (int trial = 0; trial < 300; trial++) {
            double[] row = new double[n];
            for (int j = 0; j < n; j++) {
                row[j] = random.nextInt(6) == 0 ? Double.NaN : Math.floor(Math.exp(random.nextGaussian() * 3));
            }
            for (int j = 0; j < n; j++) {
                FeatureSchema.Feature f = schema.feature(j);
                if (f.family() != FeatureFamily.NOVELTY) {
                    continue;
                }
                int direction = constraints.path(f.name()).path("direction").asInt();
                double original = row[j];
                double[] values = f.unit().equals("flag") ? new double[] {0, 1}
                        : new double[] {0, 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
                // From the most novel value to the least: the score may only stay or rise.
                double previous = Double.NEGATIVE_INFINITY;
                row[j] = Double.NaN;
                double missing = shipped.rawFraudScore(row);
                for (int k = 0; k < values.length; k++) {
                    row[j] = direction > 0 ? values[k] : values[values.length - 1 - k];
                    double score = shipped.rawFraudScore(row);
                    assertThat(score).as("%s=%s after a more novel value", f.name(), row[j])
                            .isGreaterThanOrEqualTo(previous - 1e-7);
                    assertThat(missing).as("%s missing scores no higher than %s", f.name(), row[j])
                            .isLessThanOrEqualTo(score + 1e-7);
                    previous = score;
                    checked++;
                }
                row[j] = original;
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }
}
