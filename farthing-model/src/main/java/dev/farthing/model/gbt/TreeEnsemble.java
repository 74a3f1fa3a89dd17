package dev.farthing.model.gbt;

/**
 * A pure-Java evaluator for a binary:logistic gradient-boosted tree ensemble. All trees live in one packed
 * {@code int[]}, three ints per node, renumbered breadth-first so a node's two children are adjacent: one
 * cache line serves a node and a prediction walks a primitive array without allocating.
 *
 * <p>Semantics follow XGBoost: features and thresholds are single precision, a node sends a row left when
 * {@code value < threshold}, a missing value ({@code NaN}) follows the node's default direction, leaf values
 * are summed in single precision on top of the base margin and the probability is the logistic sigmoid.
 */
public final class TreeEnsemble {

    /** Marks a leaf in the input {@code feature} arrays and in the packed layout. */
    static final int LEAF = -1;
    /** Packed node: [feature or LEAF, float bits of threshold or leaf value, (left child offset << 1) | default-left]. */
    private static final int STRIDE = 3;

    private final int[] rootOffsets;
    private final int[] packed;
    private final float baseMargin;
    private final int featureCount;
    private final int nodeCount;

    /**
     * Node arrays as XGBoost stores them (children by global index, one root per tree); validated, then packed.
     *
     * @param feature split feature per node, {@link #LEAF} for leaves
     * @param threshold split threshold, or the leaf value for leaves
     * @param missing child taken when the split feature is missing (equal to left or right)
     */
    TreeEnsemble(int[] roots, int[] feature, float[] threshold, int[] left, int[] right, int[] missing,
                 float baseMargin, int featureCount) {
        int nodes = feature.length;
        if (threshold.length != nodes || left.length != nodes || right.length != nodes || missing.length != nodes) {
            throw new IllegalArgumentException("node arrays differ in length");
        }
        for (int n = 0; n < nodes; n++) {
            if (feature[n] != LEAF) {
                checkNode(n, feature[n] >= 0 && feature[n] < featureCount, "feature index " + feature[n] + " out of range");
                checkNode(n, inRange(left[n], nodes) && inRange(right[n], nodes), "child out of range");
                checkNode(n, missing[n] == left[n] || missing[n] == right[n], "default child is not a child");
            }
        }
        for (int root : roots) {
            checkNode(root, inRange(root, nodes), "root out of range");
        }
        checkEachNodeReachedOnce(roots, feature, left, right);
        this.baseMargin = baseMargin;
        this.featureCount = featureCount;
        this.rootOffsets = new int[roots.length];
        int[] slot = new int[nodes];
        boolean[] reachable = new boolean[nodes];
        int used = 0;
        int[] queue = new int[nodes];
        for (int t = 0; t < roots.length; t++) {
            int head = 0;
            int tail = 0;
            slot[roots[t]] = used++;
            queue[tail++] = roots[t];
            while (head < tail) {
                int n = queue[head++];
                reachable[n] = true;
                if (feature[n] != LEAF) {
                    slot[left[n]] = used++;
                    slot[right[n]] = used++;
                    queue[tail++] = left[n];
                    queue[tail++] = right[n];
                }
            }
            rootOffsets[t] = slot[roots[t]] * STRIDE;
        }
        this.nodeCount = used;
        this.packed = pack(reachable, feature, threshold, left, missing, slot, used);
    }

    private static int[] pack(boolean[] reachable, int[] feature, float[] threshold, int[] left, int[] missing,
                              int[] slot, int used) {
        if (used >= (1 << 30) / STRIDE) {
            throw new IllegalArgumentException("model too large: " + used + " nodes");
        }
        int[] out = new int[used * STRIDE];
        for (int n = 0; n < feature.length; n++) {
            if (!reachable[n]) {
                continue; // a deleted node XGBoost left in the arrays
            }
            int at = slot[n] * STRIDE;
            out[at] = feature[n];
            out[at + 1] = Float.floatToRawIntBits(threshold[n]);
            if (feature[n] != LEAF) {
                out[at + 2] = (slot[left[n]] * STRIDE) << 1 | (missing[n] == left[n] ? 1 : 0);
            }
        }
        return out;
    }

    /** A node reached twice means a cycle or shared subtree: a corrupt model, refused before it can loop. */
    private static void checkEachNodeReachedOnce(int[] roots, int[] feature, int[] left, int[] right) {
        boolean[] seen = new boolean[feature.length];
        // Each internal node is expanded at most once, so at most 2 * nodes + 1 pushes in all.
        int[] stack = new int[2 * feature.length + 1];
        for (int root : roots) {
            int top = 0;
            stack[top++] = root;
            while (top > 0) {
                int n = stack[--top];
                checkNode(n, !seen[n], "reached twice (cycle or shared node)");
                seen[n] = true;
                if (feature[n] != LEAF) {
                    stack[top++] = left[n];
                    stack[top++] = right[n];
                }
            }
        }
    }

    private static boolean inRange(int index, int size) {
        return index >= 0 && index < size;
    }

    private static void checkNode(int node, boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("invalid tree node " + node + ": " + problem);
        }
    }

    /** The raw score (log-odds) for one row; {@code NaN} entries are missing values. */
    public double margin(double[] row) {
        if (row.length != featureCount) {
            throw new IllegalArgumentException("row has " + row.length + " features, model expects " + featureCount);
        }
        final int[] nodes = packed;
        float sum = 0f;
        for (int at : rootOffsets) {
            int f;
            while ((f = nodes[at]) != LEAF) {
                double v = row[f];
                int children = nodes[at + 2];
                boolean goLeft = v != v ? (children & 1) != 0 : (float) v < Float.intBitsToFloat(nodes[at + 1]);
                at = (children >>> 1) + (goLeft ? 0 : STRIDE);
            }
            sum += Float.intBitsToFloat(nodes[at + 1]);
        }
        return sum + baseMargin;
    }

    /** Fraud probability in [0, 1]. */
    public double predict(double[] row) {
        return sigmoid(margin(row));
    }

    static double sigmoid(double margin) {
        return 1.0 / (1.0 + Math.exp(-margin));
    }

    public int treeCount() {
        return rootOffsets.length;
    }

    /** Reachable nodes over all trees. */
    public int nodeCount() {
        return nodeCount;
    }

    public int featureCount() {
        return featureCount;
    }
}
