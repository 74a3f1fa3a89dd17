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
    static final int STRIDE = 3;

    private final int[] rootOffsets;
    private final int[] packed;
    private final float baseMargin;
    private final int featureCount;
    private final int nodeCount;
    /** Training cover (hessian sum) per packed slot, or null when the model file carried none. */
    private final double[] coverBySlot;
    /** Built on the first explainer and shared by all (immutable); see {@link PairedShapTables}. */
    private PairedShapTables pairedTables;
    private boolean pairedTablesBuilt;
    /** The per-leaf tables, kept only once the reference walk was asked for (tests, benchmarks). */
    private ShapTables shapTables;
    private boolean shapTablesBuilt;
    /** Deepest leaf over all trees (a root leaf has depth 0); sizes the TreeSHAP path buffers. */
    private final int maxDepth;

    /**
     * Node arrays as XGBoost stores them (children by global index, one root per tree); validated, then packed.
     *
     * @param feature split feature per node, {@link #LEAF} for leaves
     * @param threshold split threshold, or the leaf value for leaves
     * @param missing child taken when the split feature is missing (equal to left or right)
     * @param cover training hessian sum per node ({@code sum_hessian}), needed only to explain; may be null
     */
    TreeEnsemble(int[] roots, int[] feature, float[] threshold, int[] left, int[] right, int[] missing,
                 float[] cover, float baseMargin, int featureCount) {
        int nodes = feature.length;
        if (threshold.length != nodes || left.length != nodes || right.length != nodes || missing.length != nodes
                || (cover != null && cover.length != nodes)) {
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
        int[] depth = new int[nodes];
        int deepest = 0;
        for (int t = 0; t < roots.length; t++) {
            int head = 0;
            int tail = 0;
            slot[roots[t]] = used++;
            queue[tail++] = roots[t];
            while (head < tail) {
                int n = queue[head++];
                reachable[n] = true;
                deepest = Math.max(deepest, depth[n]);
                if (feature[n] != LEAF) {
                    depth[left[n]] = depth[n] + 1;
                    depth[right[n]] = depth[n] + 1;
                    slot[left[n]] = used++;
                    slot[right[n]] = used++;
                    queue[tail++] = left[n];
                    queue[tail++] = right[n];
                }
            }
            rootOffsets[t] = slot[roots[t]] * STRIDE;
        }
        this.nodeCount = used;
        this.maxDepth = deepest;
        this.packed = pack(reachable, feature, threshold, left, missing, slot, used);
        this.coverBySlot = cover == null ? null : coverBySlot(cover, feature, reachable, slot, used);
    }

    /** Covers moved to packed slots; an internal node must have a positive cover to divide by. */
    private static double[] coverBySlot(float[] cover, int[] feature, boolean[] reachable, int[] slot, int used) {
        double[] out = new double[used];
        for (int n = 0; n < cover.length; n++) {
            if (!reachable[n]) {
                continue;
            }
            boolean ok = Float.isFinite(cover[n]) && (feature[n] == LEAF ? cover[n] >= 0f : cover[n] > 0f);
            checkNode(n, ok, "cover (sum_hessian) " + cover[n] + " is not a valid hessian sum");
            out[slot[n]] = cover[n];
        }
        return out;
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

    /** True when the model carries node covers, so its predictions can be explained with {@link #explainer()}. */
    public boolean hasCover() {
        return coverBySlot != null;
    }

    /**
     * A new TreeSHAP explainer for this ensemble, with its own path buffers: reuse it for many rows, from one
     * thread. Throws IllegalStateException when the model file carried no node covers.
     */
    public TreeShap explainer() {
        if (coverBySlot == null) {
            throw new IllegalStateException("this model has no node covers (XGBoost 'sum_hessian'), which exact"
                    + " TreeSHAP needs: export it with Booster.toByteArray(\"json\") or retrain it with this version");
        }
        return new TreeShap(this);
    }

    /**
     * The shared TreeSHAP tables with sibling leaves merged, built once with {@code pathMath}'s arithmetic (the
     * per-leaf tables they come from are not kept); null when too large.
     */
    synchronized PairedShapTables pairedTables(TreeShap pathMath) {
        if (!pairedTablesBuilt) {
            pairedTables = PairedShapTables.build(packed, shapTables != null ? shapTables : ShapTables.build(this, pathMath));
            pairedTablesBuilt = true;
        }
        return pairedTables;
    }

    /** The per-leaf TreeSHAP tables (the previous fast path, now the reference), built on first use; null when too large. */
    synchronized ShapTables shapTables(TreeShap pathMath) {
        if (!shapTablesBuilt) {
            shapTables = ShapTables.build(this, pathMath);
            shapTablesBuilt = true;
        }
        return shapTables;
    }

    int[] packed() {
        return packed;
    }

    int[] rootOffsets() {
        return rootOffsets;
    }

    double[] coverBySlot() {
        return coverBySlot;
    }

    int maxDepth() {
        return maxDepth;
    }

    float baseMargin() {
        return baseMargin;
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
