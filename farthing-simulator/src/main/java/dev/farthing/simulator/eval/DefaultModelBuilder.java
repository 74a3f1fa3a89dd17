package dev.farthing.simulator.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.model.ModelTrainer;
import dev.farthing.model.RiskModel;
import dev.farthing.model.data.Dataset;
import dev.farthing.model.gbt.GbtParams;
import dev.farthing.model.iforest.IsolationForestParams;
import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.features.FeatureConfig;
import dev.farthing.risk.features.ModelDirections;
import dev.farthing.risk.features.FeatureReplay;
import dev.farthing.simulator.SimulationConfig;
import dev.farthing.simulator.Family;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Trains the default model on simulated traffic of development seeds only (family A, B or their mix): each
 * seed's day is replayed
 * through a fresh feature engine ({@link FeatureReplay}) and the rows of all seeds are trained on together,
 * with one more development seed held out for the metrics stored in the bundle and another (the calibration
 * seed) for the score calibrator and the policy thresholds: calibration rows come from traffic the trees never
 * saw, not from a random sample of the training rows.
 */
public final class DefaultModelBuilder {
    /**
     * How the shipped model is trained: unconstrained trees, thresholds at 0.1% (decline), 0.3% (review) and 1%
     * (challenge) of the calibration seed's legitimate payments.
     */
    public static final ModelTrainer.Options SHIPPED = ModelTrainer.Options.DEFAULT;

    /**
     * The monotone variant ({@code --monotone}): novelty, popularity, baseline and first-payment features may never
     * raise the score ({@link ModelDirections}), thresholds at 0.05% / 0.1% / 0.5%. It approves every ordinary first
     * payment but loses most of the recall that came from new accounts (docs/DETECTION.md), so it is not shipped.
     */
    public static final ModelTrainer.Options MONOTONE = new ModelTrainer.Options(
            ModelDirections.of(DefaultFeatureEngine.defaultSchema()), 0.0005, 0.001, 0.005);

    private DefaultModelBuilder() {
    }

    public static RiskModel train(long[] seeds, long holdoutSeed, long calibrationSeed,
                                  LongFunction<SimulationConfig> config, GbtParams gbt) {
        return train(Family.A, seeds, holdoutSeed, calibrationSeed, config, gbt);
    }

    /** Trains on {@code family}'s traffic (family A, B or the mix of both) of the given development seeds. */
    public static RiskModel train(Family family, long[] seeds, long holdoutSeed, long calibrationSeed,
                                  LongFunction<SimulationConfig> config, GbtParams gbt) {
        return train(family, seeds, holdoutSeed, calibrationSeed, config, gbt, SHIPPED);
    }

    /** As above, with the given training options ({@link #SHIPPED} or {@link #MONOTONE}). */
    public static RiskModel train(Family family, long[] seeds, long holdoutSeed, long calibrationSeed,
                                  LongFunction<SimulationConfig> config, GbtParams gbt, ModelTrainer.Options options) {
        if (calibrationSeed == holdoutSeed || Arrays.stream(seeds).anyMatch(s -> s == calibrationSeed)) {
            throw new IllegalArgumentException("the calibration seed must differ from the training and holdout seeds");
        }
        List<Dataset> parts = new ArrayList<>();
        for (long seed : seeds) {
            parts.add(replay(family, config.apply(seed)));
        }
        Dataset train = concat(parts);
        Dataset holdout = replay(family, config.apply(holdoutSeed));
        Dataset calibration = replay(family, config.apply(calibrationSeed));
        ObjectNode source = JsonNodeFactory.instance.objectNode();
        source.put("format", "farthing-simulator");
        source.put("family", family.name().toLowerCase(java.util.Locale.ROOT));
        source.put("development_seeds", Arrays.toString(seeds));
        source.put("holdout_seed", holdoutSeed);
        source.put("calibration_seed", calibrationSeed);
        source.put("users_per_seed", config.apply(seeds[0]).users());
        source.put("duration", config.apply(seeds[0]).duration().toString());
        return ModelTrainer.train(train, calibration, holdout, gbt, options, IsolationForestParams.defaults(gbt.seed()),
                source, Instant.now());
    }

    public static Dataset replay(SimulationConfig config) {
        return replay(Family.A, config);
    }

    public static Dataset replay(Family family, SimulationConfig config) {
        return FeatureReplay.dataset(family.run(config).records().stream(), FeatureConfig.defaults());
    }

    static Dataset concat(List<Dataset> parts) {
        int n = parts.stream().mapToInt(Dataset::size).sum();
        double[][] rows = new double[n][];
        int[] labels = new int[n];
        String[] scenarios = new String[n];
        int at = 0;
        for (Dataset d : parts) {
            System.arraycopy(d.rows(), 0, rows, at, d.size());
            System.arraycopy(d.labels(), 0, labels, at, d.size());
            System.arraycopy(d.scenarios(), 0, scenarios, at, d.size());
            at += d.size();
        }
        return new Dataset(parts.getFirst().featureNames(), rows, labels, scenarios);
    }
}
