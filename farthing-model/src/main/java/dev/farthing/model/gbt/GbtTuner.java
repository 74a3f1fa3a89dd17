package dev.farthing.model.gbt;

import dev.farthing.model.data.Dataset;
import dev.farthing.model.metrics.BinaryMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks tree hyperparameters by stratified k-fold cross-validation INSIDE the rows it is given (the train part
 * of a split; the test part is never seen): every candidate is trained k times, its out-of-fold scores are
 * pooled and ranked by PR-AUC, ties going to the earlier (simpler) candidate. Folds are seeded, and training
 * is single-threaded, so the choice is reproducible.
 */
public final class GbtTuner {

    public record Trial(GbtParams params, double prAuc) {
    }

    public record Result(GbtParams best, double bestPrAuc, int folds, List<Trial> trials) {
    }

    private GbtTuner() {
    }

    /**
     * Candidates around {@code base}: shallow to deep trees, light to heavy leaves, few or many rounds, and
     * positive weight 1 or sqrt(negatives / positives); simplest first. Subsample, eta and seed come from base.
     */
    public static List<GbtParams> standardGrid(GbtParams base, int positives, int negatives) {
        double balanced = Math.max(1.0, Math.sqrt((double) negatives / Math.max(1, positives)));
        List<GbtParams> grid = new ArrayList<>();
        for (int depth : new int[] {2, 3, 4, 6}) {
            for (double minChild : new double[] {1, 5}) {
                for (int rounds : new int[] {50, 200}) {
                    for (double posWeight : new double[] {1.0, balanced}) {
                        grid.add(new GbtParams(rounds, depth, base.eta(), base.subsample(), base.colsampleByTree(),
                                minChild, base.lambda(), posWeight, base.seed(), base.threads()));
                    }
                }
            }
        }
        return grid;
    }

    public static Result tune(Dataset train, List<GbtParams> grid, int folds, long seed) {
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("no candidates to tune");
        }
        int[] fold = folds(train.labels(), folds, seed);
        List<Trial> trials = new ArrayList<>();
        Trial best = null;
        for (GbtParams params : grid) {
            Trial trial = new Trial(params, BinaryMetrics.averagePrecision(outOfFold(train, fold, folds, params),
                    train.labels()));
            trials.add(trial);
            if (best == null || trial.prAuc() > best.prAuc()) {
                best = trial;
            }
        }
        return new Result(best.params(), best.prAuc(), folds, List.copyOf(trials));
    }

    /** Fold of each row: each class shuffled with the seed and dealt round-robin, so every fold gets its share. */
    static int[] folds(int[] labels, int folds, long seed) {
        int positives = 0;
        for (int label : labels) {
            positives += label;
        }
        if (folds < 2 || positives < folds || labels.length - positives < folds) {
            throw new IllegalArgumentException("cannot make " + folds + " folds with both classes from "
                    + positives + " positives in " + labels.length + " rows");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] fold = new int[labels.length];
        for (int label = 0; label <= 1; label++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == label) {
                    members.add(i);
                }
            }
            for (int k = members.size() - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                Integer swap = members.get(k);
                members.set(k, members.get(j));
                members.set(j, swap);
            }
            for (int k = 0; k < members.size(); k++) {
                fold[members.get(k)] = k % folds;
            }
        }
        return fold;
    }

    private static double[] outOfFold(Dataset data, int[] fold, int folds, GbtParams params) {
        double[] scores = new double[data.size()];
        for (int f = 0; f < folds; f++) {
            int[] inFold = indices(fold, f, true);
            TreeEnsemble model = XgboostJson.read(GbtTrainer.train(data.select(indices(fold, f, false)), params));
            for (int i : inFold) {
                scores[i] = model.predict(data.rows()[i]);
            }
        }
        return scores;
    }

    private static int[] indices(int[] fold, int f, boolean wanted) {
        int count = 0;
        for (int value : fold) {
            count += (value == f) == wanted ? 1 : 0;
        }
        int[] out = new int[count];
        for (int i = 0, k = 0; i < fold.length; i++) {
            if ((fold[i] == f) == wanted) {
                out[k++] = i;
            }
        }
        return out;
    }
}
