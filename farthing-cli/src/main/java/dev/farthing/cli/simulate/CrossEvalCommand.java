package dev.farthing.cli.simulate;

import dev.farthing.cli.CliException;
import dev.farthing.cli.HelpOption;
import dev.farthing.model.RiskModel;
import dev.farthing.model.gbt.GbtParams;
import dev.farthing.risk.policy.PolicySet;
import dev.farthing.simulator.Family;
import dev.farthing.simulator.SimulationConfig;
import dev.farthing.simulator.eval.CrossFamily;
import dev.farthing.simulator.eval.DefaultModelBuilder;
import dev.farthing.simulator.eval.Pipeline;
import dev.farthing.simulator.eval.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code farthing simulate cross-eval}: train on one traffic family, test on the other, and the mix on both. */
@Command(name = "cross-eval", description = {"Cross-family evaluation: trains a model on family A's development seeds and "
        + "tests it on fresh seeds of family B, trains on B and tests on A, and tests the mix-trained model (the shipped "
        + "one unless --model) on fresh seeds of both, all with the same policy. Prints each run's report and a matrix.",
        "Without --seeds three evaluation seeds are drawn from the clock and printed."})
public final class CrossEvalCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;
    @Option(names = "--monotone", description = "Trains the monotone variant, in which novelty and missing values can never raise the score (not the shipped model; see docs/DETECTION.md).")
    private boolean monotone;
    @Option(names = "--seeds", split = ",", description = "Fresh evaluation seeds (never trained or tuned on). Default: 3 from the clock.")
    private long[] seeds;
    @Option(names = "--users", defaultValue = "3000", description = "People per evaluation seed. Default: ${DEFAULT-VALUE}.")
    private int users;
    @Option(names = "--train-seeds", split = ",", defaultValue = "101,102,103,104,108",
            description = "Development seeds for the single-family models. Default: ${DEFAULT-VALUE}.")
    private long[] trainSeeds;
    @Option(names = "--holdout-seed", defaultValue = "105", description = "Development holdout seed. Default: ${DEFAULT-VALUE}.")
    private long holdout;
    @Option(names = "--calibration-seed", defaultValue = "109", description = "Development seed for calibration and thresholds. Default: ${DEFAULT-VALUE}.")
    private long calibrationSeed;
    @Option(names = "--train-users", defaultValue = "3000", description = "People per training seed. Default: ${DEFAULT-VALUE}.")
    private int trainUsers;
    @Option(names = "--rounds", defaultValue = "150", description = "Boosting rounds. Default: ${DEFAULT-VALUE}.")
    private int rounds;
    @Option(names = "--model", paramLabel = "FILE", description = "The mix-trained model (default: the shipped one).")
    private Path model;
    @Option(names = "--policy", paramLabel = "FILE", description = "Policy file (default: the shipped one).")
    private Path policy;
    @Option(names = "--skip-single", description = "Only evaluate the mix-trained model (no single-family training).")
    private boolean skipSingle;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long[] evalSeeds = seeds != null ? seeds : clockSeeds();
        if (Arrays.stream(evalSeeds).anyMatch(s -> s == holdout || s == calibrationSeed || Arrays.stream(trainSeeds).anyMatch(t -> t == s))) {
            throw new CliException("evaluation seeds must not be development (training or holdout) seeds");
        }
        out.println("evaluation seeds: " + Arrays.toString(evalSeeds));
        PolicySet policySet = Pipeline.policy(policy);
        List<CrossFamily.Cell> cells = new ArrayList<>();
        if (!skipSingle) {
            GbtParams gbt = GbtParams.defaults().withRounds(rounds);
            for (Family train : List.of(Family.A, Family.B)) {
                long t0 = System.nanoTime();
                RiskModel m = DefaultModelBuilder.train(train, trainSeeds, holdout, calibrationSeed, s -> SimulationConfig.of(s, trainUsers), gbt,
                        monotone ? DefaultModelBuilder.MONOTONE : DefaultModelBuilder.SHIPPED);
                out.printf("trained on family %s: %s in %.0f s%n", train, m.version(), (System.nanoTime() - t0) / 1e9);
                Family test = train == Family.A ? Family.B : Family.A;
                for (long seed : evalSeeds) {
                    cells.add(run(out, train.name().toLowerCase(), Optional.of(m), policySet, test, seed));
                }
            }
        }
        Optional<RiskModel> mix = Pipeline.model(model);
        for (Family test : List.of(Family.A, Family.B)) {
            for (long seed : evalSeeds) {
                cells.add(run(out, "mix", mix, policySet, test, seed));
            }
        }
        out.println();
        out.print(CrossFamily.matrix(cells));
        long missed = cells.stream().filter(c -> !c.report().violations(Targets.issue3()).isEmpty()).count();
        out.println(missed == 0 ? "all detection targets met in every run" : missed + " of " + cells.size() + " runs missed a target");
        out.flush();
        return 0;
    }

    private CrossFamily.Cell run(PrintWriter out, String trained, Optional<RiskModel> m, PolicySet p, Family test, long seed) {
        CrossFamily.Cell cell = CrossFamily.evaluate(trained, m, p, test, SimulationConfig.of(seed, users));
        out.print(cell.report().format());
        cell.report().violations(Targets.issue3()).forEach(v -> out.println("target missed: " + v));
        out.flush();
        return cell;
    }

    private static long[] clockSeeds() {
        long[] s = new long[3];
        for (int i = 0; i < 3; i++) {
            java.time.Instant now = java.time.Instant.now();
            s[i] = now.getEpochSecond() * 1_000_000_000L + now.getNano() + i;
        }
        return s;
    }
}
