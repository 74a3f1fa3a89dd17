package dev.farthing.model.iforest;

import java.util.Arrays;

/**
 * Explains an isolation-forest score feature by feature, by how much the splits on each feature shortened the
 * row's paths.
 *
 * <p>In one tree, the expected path length of a row that has reached a node holding {@code n} training rows is
 * {@code depth + c(n)}. Each split on the row's path adds one step and replaces {@code c(n_k)} by
 * {@code c(n_k+1)}, so it shortens the path, relative to that expectation, by
 * {@code delta_k = c(n_k) - 1 - c(n_k+1)}: a split that sends the row to a small child (the row is being
 * isolated) has a large positive delta, one that sends it with the crowd a delta near -1. The deltas telescope,
 * {@code sum_k delta_k = c(n_root) - h(x)}, exactly. A feature's raw attribution is the sum of the deltas of the
 * splits on it, averaged over trees: {@code a_f = mean_t sum_{k on path t, feature k = f} delta_k}, and
 * {@code sum_f a_f = E_base - E[h(x)]} where {@code E_base = mean_t c(n_root,t)}.
 *
 * <p>Normalised to score units: the baseline is the score of a row whose paths are exactly as long as expected,
 * {@code b = 2^(-E_base / c(psi))} (0.5 when every tree was grown on a full sample of psi rows), and
 * {@code contribution_f = a_f * (s - b) / (E_base - E[h(x)])}, a positive rescaling (the score is monotone in
 * path length), so that {@code b + sum_f contribution_f = s}, the row's score. Positive contributions made the
 * row look more anomalous. A missing value follows the split's missing side and the split still counts for its
 * feature.
 *
 * <p>Training node sizes are not stored in the forest; they are recovered from the leaves, whose value is
 * {@code depth + c(size)}, and summed upwards.
 */
public final class PathAttribution {
    private static final int LEAF = IsolationForest.LEAF;

    private final int[] roots;
    private final int[] links;
    private final double[] value;
    private final int featureCount;
    private final double normaliser;
    /** c(training rows at the node), per node. */
    private final double[] expectedBelow;
    private final double baselineLength;

    PathAttribution(IsolationForest forest) {
        this.roots = forest.roots();
        this.links = forest.links();
        this.value = forest.values();
        this.featureCount = forest.featureCount();
        this.normaliser = forest.normaliser();
        int nodes = value.length;
        int[] depth = new int[nodes];
        long[] size = new long[nodes];
        Arrays.fill(depth, -1);
        for (int root : roots) {
            depth[root] = 0;
        }
        // Children have larger indices than their parent, so one forward pass sets depths and a backward pass sizes.
        for (int n = 0; n < nodes; n++) {
            if (links[2 * n] != LEAF && depth[n] >= 0) {
                int left = links[2 * n + 1] >>> 1;
                depth[left] = depth[n] + 1;
                depth[left + 1] = depth[n] + 1;
            }
        }
        for (int n = nodes - 1; n >= 0; n--) {
            if (depth[n] < 0) {
                continue;
            }
            if (links[2 * n] == LEAF) {
                size[n] = leafSize(value[n] - depth[n], forest.sampleSize(), n);
            } else {
                int left = links[2 * n + 1] >>> 1;
                size[n] = size[left] + size[left + 1];
            }
        }
        this.expectedBelow = new double[nodes];
        for (int n = 0; n < nodes; n++) {
            expectedBelow[n] = PathLength.average(size[n]);
        }
        double base = 0;
        for (int root : roots) {
            base += expectedBelow[root];
        }
        this.baselineLength = base / roots.length;
    }

    /** The n in [1, max] whose c(n) is {@code expected}: the leaf's training size, written as depth + c(n). */
    private static long leafSize(double expected, int max, int node) {
        long lo = 1;
        long hi = Math.max(1, max);
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (PathLength.average(mid) < expected - 1e-9) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (Math.abs(PathLength.average(lo) - expected) > 1e-6) {
            throw new IllegalArgumentException("isolation forest leaf " + node + " has value " + expected
                    + " past its depth, which is c(n) for no training size n: cannot attribute its scores");
        }
        return lo;
    }

    /** The score of a row whose paths are as long as expected: what contributions are measured from. */
    public double baseline() {
        return Math.pow(2.0, -baselineLength / normaliser);
    }

    /**
     * Writes each feature's contribution to the anomaly score into {@code out[0..featureCount)} and the
     * baseline into {@code out[featureCount]}; they sum to the row's score.
     */
    public void contributions(double[] row, double[] out) {
        if (row.length != featureCount || out.length != featureCount + 1) {
            throw new IllegalArgumentException("expected a row of " + featureCount + " features and an output of "
                    + (featureCount + 1) + ", got " + row.length + " and " + out.length);
        }
        Arrays.fill(out, 0.0);
        double totalLength = 0;
        for (int root : roots) {
            int n = root;
            int f;
            while ((f = links[2 * n]) != LEAF) {
                double v = row[f];
                int children = links[2 * n + 1];
                boolean goLeft = v != v ? (children & 1) != 0 : v < value[n];
                int next = (children >>> 1) + (goLeft ? 0 : 1);
                out[f] += expectedBelow[n] - 1.0 - expectedBelow[next];
                n = next;
            }
            totalLength += value[n];
        }
        int trees = roots.length;
        double meanLength = totalLength / trees;
        double shortening = baselineLength - meanLength;
        double base = baseline();
        double score = Math.pow(2.0, -meanLength / normaliser);
        // Score units per unit of path shortening; its limit at zero shortening is the score's slope there.
        double scale = Math.abs(shortening) > 1e-12 ? (score - base) / shortening : base * Math.log(2.0) / normaliser;
        for (int j = 0; j < featureCount; j++) {
            out[j] = out[j] / trees * scale;
        }
        out[featureCount] = base;
    }

    public int featureCount() {
        return featureCount;
    }
}
