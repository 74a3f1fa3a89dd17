package dev.farthing.model.gbt;

/**
 * {@link ShapTables} with sibling leaves merged: where both children of a split are leaves (a "twig", every split
 * of the last level of a full tree), the two leaves' rows are added ahead of time for each mask at the split and
 * each way the row can go there. A twig is then one table row of d contributions instead of two, and its leaves
 * are skipped, so explaining a row reads and adds about half as many values, from the same amount of memory
 * (the twig's 2 x 2^d rows replace its two leaves' 2^d rows each). The sums are the same values, up to the
 * rounding of one addition. Immutable; one flat table, flat per-slot arrays, nothing per node.
 */
final class PairedShapTables {
    private static final int STRIDE = TreeEnsemble.STRIDE;
    private static final int LEAF = TreeEnsemble.LEAF;

    /** Per packed slot: for a split, the bit of its feature on the path (as {@link ShapTables#bit}). */
    final byte[] bit;
    /**
     * Per packed slot, for a twig or a leaf outside any twig: its distinct path features (0 for a split that is
     * not a twig and for a leaf of a twig), where its rows and its feature list start.
     */
    final byte[] unique;
    final int[] tableAt;
    final int[] featuresAt;
    final double[] table;
    final int[] features;
    /** The slots the walk must visit, in packed (parent-first) order: every split and the leaves outside twigs. */
    final int[] visit;

    private PairedShapTables(byte[] bit, byte[] unique, int[] tableAt, int[] featuresAt, double[] table, int[] features,
                             int[] visit) {
        this.bit = bit;
        this.unique = unique;
        this.tableAt = tableAt;
        this.featuresAt = featuresAt;
        this.table = table;
        this.features = features;
        this.visit = visit;
    }

    /** Merges the twigs of {@code leaves} (per-leaf tables of the same ensemble); null when there are none. */
    static PairedShapTables build(int[] nodes, ShapTables leaves) {
        if (leaves == null) {
            return null;
        }
        int slots = nodes.length / STRIDE;
        byte[] unique = new byte[slots];
        int[] tableAt = new int[slots];
        int[] featuresAt = new int[slots];
        // Same total size: a twig's rows replace its leaves' rows.
        double[] table = new double[leaves.table.length];
        int[] features = leaves.leafFeatures;
        int cursor = 0;
        for (int slot = 0, at = 0; slot < slots; slot++, at += STRIDE) {
            if (nodes[at] == LEAF) {
                continue;
            }
            int left = (nodes[at + 2] >>> 1) / STRIDE;
            int right = left + 1;
            if (nodes[left * STRIDE] != LEAF || nodes[right * STRIDE] != LEAF) {
                continue;
            }
            int d = leaves.unique[left];
            assert d == leaves.unique[right] && d >= 1 : "sibling leaves share their path features";
            unique[slot] = (byte) d;
            tableAt[slot] = cursor;
            featuresAt[slot] = leaves.featuresAt[left];
            unique[left] = -1; // covered by the twig (marked, then cleared below)
            unique[right] = -1;
            int b = 1 << leaves.bit[slot];
            for (int mask = 0; mask < 1 << d; mask++) {
                for (int hotLeft = 0; hotLeft < 2; hotLeft++) {
                    int maskLeft = hotLeft == 1 ? mask : mask & ~b;
                    int maskRight = hotLeft == 1 ? mask & ~b : mask;
                    int fromLeft = leaves.tableAt[left] + maskLeft * d;
                    int fromRight = leaves.tableAt[right] + maskRight * d;
                    for (int k = 0; k < d; k++) {
                        table[cursor++] = leaves.table[fromLeft + k] + leaves.table[fromRight + k];
                    }
                }
            }
        }
        for (int slot = 0, at = 0; slot < slots; slot++, at += STRIDE) {
            if (nodes[at] != LEAF) {
                continue;
            }
            if (unique[slot] == -1) {
                unique[slot] = 0;
                continue;
            }
            int d = leaves.unique[slot];
            unique[slot] = (byte) d;
            tableAt[slot] = cursor;
            featuresAt[slot] = leaves.featuresAt[slot];
            System.arraycopy(leaves.table, leaves.tableAt[slot], table, cursor, d << d);
            cursor += d << d;
        }
        assert cursor == table.length : "every row placed once";
        int[] visit = new int[slots];
        int visits = 0;
        for (int slot = 0, at = 0; slot < slots; slot++, at += STRIDE) {
            if (nodes[at] != LEAF || unique[slot] != 0) {
                visit[visits++] = slot;
            }
        }
        return new PairedShapTables(leaves.bit, unique, tableAt, featuresAt, table, features,
                java.util.Arrays.copyOf(visit, visits));
    }
}
