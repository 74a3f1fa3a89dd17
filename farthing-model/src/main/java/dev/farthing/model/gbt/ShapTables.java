package dev.farthing.model.gbt;

/**
 * Precomputed TreeSHAP (the idea of Yang 2021, "Fast TreeSHAP", v2): a leaf's share of every contribution
 * depends on the row only through which of the leaf's path features the row satisfies (a bit per distinct
 * feature on the path: the row goes the path's way at every split on it). So for each leaf and each of those
 * 2^d masks the d contributions are computed once, with Algorithm 2's own path arithmetic, and explaining a row
 * is one walk over every node (carrying the mask) plus d additions per leaf: O(nodes + leaves x depth)
 * instead of O(leaves x depth^2) with long dependency chains. Exactly the same values, up to rounding.
 *
 * <p>Memory is sum over leaves of d x 2^d doubles (about 13 MB for 150 trees of depth 6); ensembles past
 * {@link #MAX_ENTRIES} or with more than {@link #MAX_UNIQUE} distinct features on a path are explained by
 * Algorithm 2 instead (see {@link #build}). Immutable.
 */
final class ShapTables {
    static final int MAX_UNIQUE = 10;
    static final long MAX_ENTRIES = 4L << 20;
    private static final int STRIDE = TreeEnsemble.STRIDE;
    private static final int LEAF = TreeEnsemble.LEAF;

    /** Per packed slot: for a split, the bit of its feature on the path (first appearance order). */
    final byte[] bit;
    /** Per packed slot: for a leaf, where its table and its feature list start, and its distinct-feature count. */
    final int[] tableAt;
    final int[] featuresAt;
    final byte[] unique;
    final double[] table;
    final int[] leafFeatures;

    private ShapTables(int slots, long entries, int featureEntries) {
        bit = new byte[slots];
        tableAt = new int[slots];
        featuresAt = new int[slots];
        unique = new byte[slots];
        table = new double[(int) entries];
        leafFeatures = new int[featureEntries];
    }

    /** The tables, or null when they would be too large (then Algorithm 2 runs per row). */
    static ShapTables build(TreeEnsemble trees, TreeShap pathMath) {
        int[] nodes = trees.packed();
        int slots = nodes.length / STRIDE;
        long[] size = new long[2];
        int[] features = new int[trees.maxDepth() + 1];
        for (int root : trees.rootOffsets()) {
            if (!measure(nodes, root, features, 0, size)) {
                return null;
            }
        }
        if (size[0] > MAX_ENTRIES) {
            return null;
        }
        ShapTables tables = new ShapTables(slots, size[0], (int) size[1]);
        int[] cursor = new int[2];
        double[] zero = new double[trees.maxDepth() + 1];
        double[] contributions = new double[trees.maxDepth() + 1];
        for (int root : trees.rootOffsets()) {
            tables.fill(nodes, trees.coverBySlot(), root, features, zero, 0, cursor, pathMath, contributions);
        }
        return tables;
    }

    /** Adds each leaf's table size (size[0]) and feature-list size (size[1]); false when a path is too varied. */
    private static boolean measure(int[] nodes, int at, int[] features, int distinct, long[] size) {
        if (nodes[at] == LEAF) {
            size[0] += (long) distinct << distinct;
            size[1] += distinct;
            return true;
        }
        int next = indexOf(features, distinct, nodes[at]) < 0 ? distinct + 1 : distinct;
        if (next > MAX_UNIQUE) {
            return false;
        }
        features[distinct] = nodes[at];
        int left = nodes[at + 2] >>> 1;
        return measure(nodes, left, features, next, size) && measure(nodes, left + STRIDE, features, next, size);
    }

    private void fill(int[] nodes, double[] cover, int at, int[] features, double[] zero, int distinct,
                      int[] cursor, TreeShap pathMath, double[] contributions) {
        int slot = at / STRIDE;
        if (nodes[at] == LEAF) {
            tableAt[slot] = cursor[0];
            featuresAt[slot] = cursor[1];
            unique[slot] = (byte) distinct;
            System.arraycopy(features, 0, leafFeatures, cursor[1], distinct);
            cursor[1] += distinct;
            double value = Float.intBitsToFloat(nodes[at + 1]);
            for (int mask = 0; mask < 1 << distinct; mask++) {
                pathMath.leafContributions(features, zero, mask, distinct, value, contributions);
                System.arraycopy(contributions, 0, table, cursor[0], distinct);
                cursor[0] += distinct;
            }
            return;
        }
        int feature = nodes[at];
        int b = indexOf(features, distinct, feature);
        int next = distinct;
        if (b < 0) {
            b = distinct;
            features[b] = feature;
            zero[b] = 1.0;
            next++;
        }
        bit[slot] = (byte) b;
        int left = nodes[at + 2] >>> 1;
        double saved = zero[b];
        double w = cover[slot];
        for (int child = left; child <= left + STRIDE; child += STRIDE) {
            zero[b] = saved * (cover[child / STRIDE] / w);
            features[b] = feature;
            fill(nodes, cover, child, features, zero, next, cursor, pathMath, contributions);
        }
        zero[b] = saved;
    }

    private static int indexOf(int[] features, int count, int feature) {
        for (int i = 0; i < count; i++) {
            if (features[i] == feature) {
                return i;
            }
        }
        return -1;
    }
}
