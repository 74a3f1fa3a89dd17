package dev.farthing.model.gbt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training parameters for the gradient-boosted trees (XGBoost names in {@link #toXgboost()}). One thread by
 * default: training is then bit-for-bit reproducible for a seed, and the machine is shared.
 */
public record GbtParams(int rounds, int maxDepth, double eta, double subsample, double colsampleByTree,
                        double minChildWeight, double lambda, double scalePosWeight, long seed, int threads) {

    public GbtParams {
        check(rounds >= 1 && rounds <= 10_000, "rounds must be in 1..10000");
        check(maxDepth >= 1 && maxDepth <= 16, "max depth must be in 1..16");
        check(eta > 0 && eta <= 1, "eta must be in (0, 1]");
        check(subsample > 0 && subsample <= 1, "subsample must be in (0, 1]");
        check(colsampleByTree > 0 && colsampleByTree <= 1, "colsample-bytree must be in (0, 1]");
        check(minChildWeight >= 0, "min-child-weight must be >= 0");
        check(lambda >= 0, "lambda must be >= 0");
        check(scalePosWeight > 0, "scale-pos-weight must be > 0");
        check(threads >= 1 && threads <= 64, "threads must be in 1..64");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public static GbtParams defaults() {
        return new GbtParams(200, 6, 0.1, 0.8, 0.8, 1.0, 1.0, 1.0, 42L, 1);
    }

    public GbtParams withRounds(int r) {
        return new GbtParams(r, maxDepth, eta, subsample, colsampleByTree, minChildWeight, lambda, scalePosWeight,
                seed, threads);
    }

    public GbtParams withMaxDepth(int d) {
        return new GbtParams(rounds, d, eta, subsample, colsampleByTree, minChildWeight, lambda, scalePosWeight,
                seed, threads);
    }

    public GbtParams withSeed(long s) {
        return new GbtParams(rounds, maxDepth, eta, subsample, colsampleByTree, minChildWeight, lambda, scalePosWeight,
                s, threads);
    }

    public Map<String, Object> toXgboost() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "binary:logistic");
        p.put("tree_method", "hist");
        p.put("max_depth", maxDepth);
        p.put("eta", eta);
        p.put("subsample", subsample);
        p.put("colsample_bytree", colsampleByTree);
        p.put("min_child_weight", minChildWeight);
        p.put("lambda", lambda);
        p.put("scale_pos_weight", scalePosWeight);
        p.put("seed", seed);
        p.put("nthread", threads);
        p.put("verbosity", 0);
        return p;
    }
}
