package dev.farthing.model.gbt;

import java.util.Arrays;

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion and Lee 2018, Algorithm 2), as XGBoost computes it for
 * {@code pred_contribs} without {@code approx_contribs}: per-feature contributions in margin (log-odds) space
 * that, with the bias (the cover-weighted expected margin), sum to {@link TreeEnsemble#margin}.
 *
 * <p>Semantics follow XGBoost's CPU implementation ({@code RegTree::TreeShap}): the branch a row takes is
 * decided as the evaluator decides it (single precision, {@code value < threshold}, NaN follows the default
 * child), a branch's "zero fraction" is its cover over its parent's, and a feature split on twice along a
 * path is unwound and extended again so each feature appears once on the path.
 *
 * <p>Not thread-safe: the path buffers are preallocated once per explainer (triangular, sized by the deepest
 * tree) and reused for every row, so explaining allocates nothing. Algorithm 2 costs O(trees x leaves x
 * depth^2) per row; where the ensemble allows, rows are explained from precomputed tables instead
 * ({@link PairedShapTables}: per-leaf tables ({@link ShapTables}) with sibling leaves merged, the same values in
 * O(nodes + leaves x depth) and about half the reads of the per-leaf walk, which stays as the reference).
 */
public final class TreeShap {
    private static final int STRIDE = TreeEnsemble.STRIDE;
    private static final int LEAF = TreeEnsemble.LEAF;

    private final int[] nodes;
    private final int[] roots;
    private final double[] cover;
    private final int featureCount;
    private final double bias;
    // The unique path of every recursion level, laid out one after the other (XGBoost's PathElement array).
    private final int[] pathFeature;
    private final double[] pathZero;
    private final double[] pathOne;
    private final double[] pathWeight;
    // Ratios of small integers, (d+1)/(i+1), (d-i)/(d+1) and (d+1)/(d-i) at [d * width + i]: the inner loops
    // multiply instead of divide, which is most of TreeSHAP's cost.
    private final int width;
    private final double[] up;
    private final double[] down;
    private final double[] downInverse;
    /** Precomputed tables with sibling leaves merged (the fast path), or null: then every row runs Algorithm 2. */
    private final PairedShapTables tables;
    /** The per-leaf tables, fetched on the first {@link #contributionsPerLeaf} call only. */
    private ShapTables leafTables;
    private final TreeEnsemble ensemble;
    /** Per packed slot, the fast path's mask for the row being explained (scratch). */
    private final int[] masks;
    // The row being explained and its output, set for the duration of one contributions() call.
    private double[] row;
    private double[] phi;

    TreeShap(TreeEnsemble trees) {
        this.nodes = trees.packed();
        this.roots = trees.rootOffsets();
        this.cover = trees.coverBySlot();
        this.featureCount = trees.featureCount();
        int maxd = trees.maxDepth() + 2;
        int size = maxd * (maxd + 1) / 2;
        this.pathFeature = new int[size];
        this.pathZero = new double[size];
        this.pathOne = new double[size];
        this.pathWeight = new double[size];
        this.width = maxd + 1;
        this.up = new double[width * width];
        this.down = new double[width * width];
        this.downInverse = new double[width * width];
        for (int d = 0; d < width; d++) {
            for (int i = 0; i < d; i++) {
                up[d * width + i] = (d + 1.0) / (i + 1.0);
                down[d * width + i] = (d - i) / (d + 1.0);
                downInverse[d * width + i] = (d + 1.0) / (d - i);
            }
        }
        this.ensemble = trees;
        this.tables = trees.pairedTables(this);
        this.masks = new int[nodes.length / STRIDE];
        double expected = trees.baseMargin();
        for (int root : roots) {
            expected += meanValue(root);
        }
        this.bias = expected;
    }

    /** The expected margin over the training cover (XGBoost's bias column): base margin plus each tree's mean. */
    public double expectedValue() {
        return bias;
    }

    public int featureCount() {
        return featureCount;
    }

    /**
     * Writes one contribution per feature into {@code out[0..featureCount)} and the bias into
     * {@code out[featureCount]}; the sum of all is the row's margin. {@code NaN} entries of {@code row} are
     * missing values.
     */
    public void contributions(double[] row, double[] out) {
        explain(row, out, tables != null ? Walk.PAIRED : Walk.RECURSION);
    }

    /** The same by Algorithm 2 alone, never the tables: the reference the fast path is tested against. */
    void contributionsByRecursion(double[] row, double[] out) {
        explain(row, out, Walk.RECURSION);
    }

    /**
     * The same from the per-leaf tables ({@link ShapTables}, the fast path before {@link PairedShapTables}): kept as
     * the reference that the paired walk is tested and benchmarked against, in the same run. Its first call builds
     * the per-leaf tables (as costly as building the explainer). Falls back to Algorithm 2 where they are too large.
     */
    public void contributionsPerLeaf(double[] row, double[] out) {
        if (leafTables == null && tables != null) {
            leafTables = ensemble.shapTables(this);
        }
        explain(row, out, leafTables != null ? Walk.LEAVES : Walk.RECURSION);
    }

    private enum Walk { RECURSION, LEAVES, PAIRED }

    boolean usesTables() {
        return tables != null;
    }

    private void explain(double[] row, double[] out, Walk walk) {
        if (row.length != featureCount || out.length != featureCount + 1) {
            throw new IllegalArgumentException("expected a row of " + featureCount + " features and an output of "
                    + (featureCount + 1) + ", got " + row.length + " and " + out.length);
        }
        Arrays.fill(out, 0.0);
        this.row = row;
        this.phi = out;
        try {
            if (walk == Walk.PAIRED) {
                walkPaired();
            } else if (walk == Walk.LEAVES) {
                walkAll();
            } else {
                for (int root : roots) {
                    recurse(root, 0, 0, 1.0, 1.0, -1);
                }
            }
        } finally {
            this.row = null;
            this.phi = null;
        }
        out[featureCount] = bias;
    }

    /** Cover-weighted mean of the leaves under {@code at} (XGBoost's node mean value). */
    private double meanValue(int at) {
        if (nodes[at] == LEAF) {
            return Float.intBitsToFloat(nodes[at + 1]);
        }
        int left = nodes[at + 2] >>> 1;
        int right = left + STRIDE;
        return (meanValue(left) * cover[left / STRIDE] + meanValue(right) * cover[right / STRIDE])
                / cover[at / STRIDE];
    }

    /**
     * The fast path, one linear pass over the packed nodes (breadth-first, so a parent comes before its
     * children): {@code masks[slot]} has a bit per distinct feature on the path to the node, cleared once the row
     * left the path's way at a split on it; a leaf adds its precomputed contributions for its mask. No recursion
     * and sequential reads: O(nodes + leaves x depth) per row.
     */
    private void walkAll() {
        int[] masks = this.masks;
        for (int root : roots) {
            masks[root / STRIDE] = -1;
        }
        ShapTables t = leafTables;
        int slots = masks.length;
        for (int slot = 0, at = 0; slot < slots; slot++, at += STRIDE) {
            int mask = masks[slot];
            int feature = nodes[at];
            if (feature == LEAF) {
                int distinct = t.unique[slot];
                int from = t.tableAt[slot] + (mask & ((1 << distinct) - 1)) * distinct;
                int features = t.featuresAt[slot];
                for (int b = 0; b < distinct; b++) {
                    phi[t.leafFeatures[features + b]] += t.table[from + b];
                }
                continue;
            }
            double v = row[feature];
            int children = nodes[at + 2];
            int left = (children >>> 1) / STRIDE;
            boolean hotLeft = v != v ? (children & 1) != 0 : (float) v < Float.intBitsToFloat(nodes[at + 1]);
            int cold = mask & ~(1 << t.bit[slot]);
            masks[left] = hotLeft ? mask : cold;
            masks[left + 1] = hotLeft ? cold : mask;
        }
    }

    /**
     * The fast path: {@link #walkAll}'s pass with sibling leaves merged. At a twig (a split whose children are both
     * leaves) one precomputed row, chosen by the mask and the way the row goes, holds both leaves' contributions,
     * and the two leaves are not visited at all ({@link PairedShapTables#visit} lists the other slots).
     */
    private void walkPaired() {
        int[] masks = this.masks;
        for (int root : roots) {
            masks[root / STRIDE] = -1;
        }
        PairedShapTables t = tables;
        byte[] unique = t.unique;
        int[] tableAt = t.tableAt;
        int[] featuresAt = t.featuresAt;
        double[] table = t.table;
        int[] features = t.features;
        double[] phi = this.phi;
        byte[] bit = t.bit;
        for (int slot : t.visit) {
            int at = slot * STRIDE;
            int distinct = unique[slot];
            int feature = nodes[at];
            int mask = masks[slot];
            int rowIndex;
            if (feature == LEAF) {
                if (distinct == 0) {
                    continue;
                }
                rowIndex = mask & ((1 << distinct) - 1);
            } else {
                double v = row[feature];
                int children = nodes[at + 2];
                boolean hotLeft = v != v ? (children & 1) != 0 : (float) v < Float.intBitsToFloat(nodes[at + 1]);
                if (distinct == 0) {
                    int left = (children >>> 1) / STRIDE;
                    int cold = mask & ~(1 << bit[slot]);
                    masks[left] = hotLeft ? mask : cold;
                    masks[left + 1] = hotLeft ? cold : mask;
                    continue;
                }
                rowIndex = (mask & ((1 << distinct) - 1)) << 1 | (hotLeft ? 1 : 0);
            }
            int from = tableAt[slot] + rowIndex * distinct;
            int names = featuresAt[slot];
            for (int b = 0; b < distinct; b++) {
                phi[features[names + b]] += table[from + b];
            }
        }
    }

    /**
     * One leaf's contributions for its distinct path features (zero fractions {@code zero}, one fractions the
     * bits of {@code mask}), by Algorithm 2's extend and unwound sums on a path of just those features; the
     * dummy root element changes nothing (a null player). For {@link ShapTables}.
     */
    void leafContributions(int[] features, double[] zero, int mask, int distinct, double value, double[] out) {
        extend(0, 0, 1.0, 1.0, -1);
        for (int b = 0; b < distinct; b++) {
            extend(0, b + 1, zero[b], mask >>> b & 1, features[b]);
        }
        for (int b = 0; b < distinct; b++) {
            double w = unwoundPathSum(0, distinct, b + 1);
            out[b] = w * (pathOne[b + 1] - pathZero[b + 1]) * value;
        }
    }

    /**
     * One node of Algorithm 2. The parent's path starts at {@code parentPath}; this node's copy starts right after
     * it, so each level keeps its own path and the parent's survives for the sibling.
     */
    private void recurse(int at, int parentPath, int depth, double parentZero, double parentOne, int parentFeature) {
        int path = parentPath + depth + 1;
        copyPath(parentPath, path, depth + 1);
        extend(path, depth, parentZero, parentOne, parentFeature);
        int feature = nodes[at];
        if (feature == LEAF) {
            double leaf = Float.intBitsToFloat(nodes[at + 1]);
            for (int i = 1; i <= depth; i++) {
                double w = unwoundPathSum(path, depth, i);
                phi[pathFeature[path + i]] += w * (pathOne[path + i] - pathZero[path + i]) * leaf;
            }
            return;
        }
        double v = row[feature];
        int children = nodes[at + 2];
        int left = children >>> 1;
        boolean hotLeft = v != v ? (children & 1) != 0 : (float) v < Float.intBitsToFloat(nodes[at + 1]);
        int hot = hotLeft ? left : left + STRIDE;
        int cold = hotLeft ? left + STRIDE : left;
        double w = cover[at / STRIDE];
        double incomingZero = 1.0;
        double incomingOne = 1.0;
        int k = 0;
        while (k <= depth && pathFeature[path + k] != feature) {
            k++;
        }
        if (k <= depth) {
            // Split on this feature before: undo that split so this one redoes it with both fractions combined.
            incomingZero = pathZero[path + k];
            incomingOne = pathOne[path + k];
            unwind(path, depth, k);
            depth--;
        }
        recurse(hot, path, depth + 1, cover[hot / STRIDE] / w * incomingZero, incomingOne, feature);
        double coldZero = cover[cold / STRIDE] / w * incomingZero;
        if (coldZero != 0.0) {
            // With both fractions zero every leaf below contributes exactly nothing (and unwinding would divide by 0).
            recurse(cold, path, depth + 1, coldZero, 0.0, feature);
        }
    }

    /** Paths are a few elements long: a plain loop beats four System.arraycopy calls. */
    private void copyPath(int from, int to, int length) {
        for (int i = 0; i < length; i++) {
            pathFeature[to + i] = pathFeature[from + i];
            pathZero[to + i] = pathZero[from + i];
            pathOne[to + i] = pathOne[from + i];
            pathWeight[to + i] = pathWeight[from + i];
        }
    }

    private void extend(int p, int depth, double zero, double one, int feature) {
        pathFeature[p + depth] = feature;
        pathZero[p + depth] = zero;
        pathOne[p + depth] = one;
        pathWeight[p + depth] = depth == 0 ? 1.0 : 0.0;
        double scale = 1.0 / (depth + 1);
        for (int i = depth - 1; i >= 0; i--) {
            pathWeight[p + i + 1] += one * pathWeight[p + i] * (i + 1) * scale;
            pathWeight[p + i] = zero * pathWeight[p + i] * (depth - i) * scale;
        }
    }

    private void unwind(int p, int depth, int k) {
        double one = pathOne[p + k];
        double zero = pathZero[p + k];
        double inverseOne = 1.0 / one;
        double inverseZero = 1.0 / zero;
        int row = depth * width;
        double next = pathWeight[p + depth];
        for (int i = depth - 1; i >= 0; i--) {
            if (one != 0.0) {
                double tmp = pathWeight[p + i];
                pathWeight[p + i] = next * up[row + i] * inverseOne;
                next = tmp - pathWeight[p + i] * zero * down[row + i];
            } else {
                pathWeight[p + i] = pathWeight[p + i] * inverseZero * downInverse[row + i];
            }
        }
        for (int i = k; i < depth; i++) {
            pathFeature[p + i] = pathFeature[p + i + 1];
            pathZero[p + i] = pathZero[p + i + 1];
            pathOne[p + i] = pathOne[p + i + 1];
        }
    }

    /** The total weight of the path with element {@code k} unwound, without changing the path. */
    private double unwoundPathSum(int p, int depth, int k) {
        double one = pathOne[p + k];
        double zero = pathZero[p + k];
        int row = depth * width;
        double total = 0.0;
        if (one != 0.0) {
            double inverseOne = 1.0 / one;
            double next = pathWeight[p + depth];
            for (int i = depth - 1; i >= 0; i--) {
                double tmp = next * up[row + i] * inverseOne;
                total += tmp;
                next = pathWeight[p + i] - tmp * zero * down[row + i];
            }
        } else if (zero != 0.0) {
            double inverseZero = 1.0 / zero;
            for (int i = depth - 1; i >= 0; i--) {
                total += pathWeight[p + i] * inverseZero * downInverse[row + i];
            }
        }
        return total;
    }
}
