package dev.farthing.cli.model;

import dev.farthing.cli.CliException;
import dev.farthing.cli.ExitCodes;
import dev.farthing.model.BaselineComparison.TreeSettings;
import dev.farthing.model.gbt.GbtParams;
import picocli.CommandLine.Option;

/** The gradient-boosted trees' hyperparameters, given or tuned by cross-validation inside the train part. */
public final class TreeOptions {

    @Option(names = "--rounds", defaultValue = "200", description = "Boosting rounds (trees). Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--max-depth", defaultValue = "6", description = "Tree depth. Default: ${DEFAULT-VALUE}.")
    int maxDepth;

    @Option(names = "--eta", defaultValue = "0.1", description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    double eta;

    @Option(names = "--subsample", defaultValue = "0.8", description = "Row sample per tree (seeded by --seed). Default: ${DEFAULT-VALUE}.")
    double subsample;

    @Option(names = "--colsample-bytree", defaultValue = "0.8", description = "Feature sample per tree. Default: ${DEFAULT-VALUE}.")
    double colsample;

    @Option(names = "--min-child-weight", defaultValue = "1", description = "Minimum hessian per leaf. Default: ${DEFAULT-VALUE}.")
    double minChildWeight;

    @Option(names = "--scale-pos-weight", defaultValue = "1", description = "Weight of fraud rows. Default: ${DEFAULT-VALUE}.")
    double scalePosWeight;

    @Option(names = "--threads", defaultValue = "1", description = "Training threads (1 is bit-for-bit reproducible). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--tune", description = {"Choose depth, rounds, min-child-weight and scale-pos-weight by "
            + "stratified k-fold cross-validation on the TRAIN part only (best out-of-fold PR-AUC; eta, subsample, "
            + "colsample and seed as given). The test part is never used to choose."})
    boolean tune;

    @Option(names = "--tune-folds", defaultValue = "4", description = "Folds for --tune. Default: ${DEFAULT-VALUE}.")
    int tuneFolds;

    GbtParams params(long seed) {
        try {
            return new GbtParams(rounds, maxDepth, eta, subsample, colsample, minChildWeight, 1.0, scalePosWeight,
                    seed, threads);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    TreeSettings settings(long seed) {
        if (tune && (tuneFolds < 2 || tuneFolds > 20)) {
            throw new CliException("--tune-folds must be in 2..20, got " + tuneFolds, ExitCodes.USAGE, null);
        }
        return tune ? TreeSettings.tuned(params(seed), tuneFolds) : TreeSettings.fixed(params(seed));
    }

    static String describe(GbtParams p) {
        return String.format(java.util.Locale.ROOT,
                "depth %d, %d rounds, eta %s, min-child-weight %s, scale-pos-weight %.2f, subsample %s, seed %d",
                p.maxDepth(), p.rounds(), p.eta(), p.minChildWeight(), p.scalePosWeight(), p.subsample(), p.seed());
    }
}
