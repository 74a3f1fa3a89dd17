package dev.farthing.cli.simulate;

import dev.farthing.cli.CliException;
import dev.farthing.cli.HelpOption;
import dev.farthing.model.ModelTrainer;
import dev.farthing.model.RiskModel;
import dev.farthing.model.gbt.GbtParams;
import dev.farthing.simulator.Family;
import dev.farthing.simulator.SimulationConfig;
import dev.farthing.simulator.eval.DefaultModelBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code farthing simulate train-model}: the default model, trained on simulated development seeds. */
@Command(name = "train-model", description = {"Train a model bundle on simulated traffic of the given (development) "
        + "seeds, replayed through the feature engine; one more seed is held out for the bundle's metrics and "
        + "another for the score calibrator and the policy thresholds. Never pass the seeds you evaluate on."})
public final class TrainModelCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;
    @Option(names = "--seeds", required = true, split = ",", description = "Development seeds to train on, e.g. 101,102,103.")
    private long[] seeds;
    @Option(names = "--holdout-seed", required = true, description = "Development seed held out for metrics.")
    private long holdout;
    @Option(names = "--family", defaultValue = "mix", description = {"Traffic family to train on: a, b or mix (half the",
            "users of every seed in each). Default: ${DEFAULT-VALUE}."})
    private String family;
    @Option(names = "--calibration-seed", description = "Development seed for the calibrator and thresholds."
            + " Default: one above the largest training or holdout seed.")
    private Long calibration;
    @Option(names = "--users", defaultValue = "3000", description = "People per seed. Default: ${DEFAULT-VALUE}.")
    private int users;
    @Option(names = "--rounds", defaultValue = "150", description = "Boosting rounds. Default: ${DEFAULT-VALUE}.")
    private int rounds;
    @Option(names = "--max-depth", defaultValue = "6", description = "Tree depth. Default: ${DEFAULT-VALUE}.")
    private int depth;
    @Option(names = "--monotone", description = "Trains the monotone variant, in which novelty and missing values can never raise the score (not the shipped model; see docs/DETECTION.md).")
    private boolean monotone;
    @Option(names = "--challenge-target", description = "Share of the calibration seed's legitimate payments allowed above"
            + " the challenge threshold (decline and review keep theirs). Default: 0.01, or 0.005 with --monotone.")
    private Double challengeTarget;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model bundle.")
    private Path out;
    @Spec
    private CommandSpec spec;

    private ModelTrainer.Options options() {
        ModelTrainer.Options base = monotone ? DefaultModelBuilder.MONOTONE : DefaultModelBuilder.SHIPPED;
        if (challengeTarget == null) {
            return base;
        }
        if (!(challengeTarget > 0 && challengeTarget < 1)) {
            throw new CliException("--challenge-target must be between 0 and 1: " + challengeTarget);
        }
        return new ModelTrainer.Options(base.monotoneDirections(), base.declineTarget(), base.reviewTarget(), challengeTarget);
    }

    @Override
    public Integer call() throws Exception {
        if (Arrays.stream(seeds).anyMatch(s -> s == holdout)) {
            throw new CliException("the holdout seed must not be one of the training seeds");
        }
        long calibrationSeed = calibration != null ? calibration
                : Math.max(holdout, Arrays.stream(seeds).max().orElse(holdout)) + 1;
        if (calibrationSeed == holdout || Arrays.stream(seeds).anyMatch(s -> s == calibrationSeed)) {
            throw new CliException("the calibration seed must differ from the training and holdout seeds");
        }
        long t0 = System.nanoTime();
        Family chosen;
        try {
            chosen = Family.parse(family);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        RiskModel model = DefaultModelBuilder.train(chosen, seeds, holdout, calibrationSeed,
                seed -> SimulationConfig.of(seed, users), GbtParams.defaults().withRounds(rounds).withMaxDepth(depth),
                options());
        model.write(out);
        spec.commandLine().getOut().printf("trained %s on seeds %s (holdout %d, calibration %d) in %.0f s -> %s%n%s%n",
                model.version(), Arrays.toString(seeds), holdout, calibrationSeed, (System.nanoTime() - t0) / 1e9, out, model.training().toPrettyString());
        return 0;
    }
}
