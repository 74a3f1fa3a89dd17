package dev.farthing.model.iforest;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Grows the trees of an {@link IsolationForest}: random feature, random threshold, height-limited. */
final class IsolationForestTrainer {

    private static final int LEAF_MARK = -1;

    private final double[][] rows;
    private final IsolationForestParams params;
    private final SplittableRandom random;
    private final int featureCount;
    private final int sampleSize;
    private final int heightLimit;
    private int[] feature = new int[1024];
    private double[] value = new double[1024];
    private int[] left = new int[1024];
    private int[] right = new int[1024];
    private int[] missing = new int[1024];
    private int nodes;

    IsolationForestTrainer(double[][] rows, IsolationForestParams params) {
        if (rows.length < 2) {
            throw new IllegalArgumentException("an isolation forest needs at least 2 rows, got " + rows.length);
        }
        this.rows = rows;
        this.params = params;
        this.random = new SplittableRandom(params.seed());
        this.featureCount = rows[0].length;
        this.sampleSize = Math.min(params.sampleSize(), rows.length);
        this.heightLimit = (int) Math.ceil(Math.log(sampleSize) / Math.log(2));
    }

    IsolationForest train() {
        int[] roots = new int[params.trees()];
        int[] all = new int[rows.length];
        Arrays.setAll(all, i -> i);
        for (int t = 0; t < roots.length; t++) {
            roots[t] = allocate();
            grow(roots[t], sample(all), 0, sampleSize, 0);
        }
        return new IsolationForest(roots, Arrays.copyOf(feature, nodes), Arrays.copyOf(value, nodes),
                Arrays.copyOf(left, nodes), Arrays.copyOf(right, nodes), Arrays.copyOf(missing, nodes),
                sampleSize, featureCount);
    }

    /** Partial Fisher-Yates: the first sampleSize entries become a uniform sample without replacement. */
    private int[] sample(int[] all) {
        for (int i = 0; i < sampleSize; i++) {
            int j = i + random.nextInt(all.length - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        return Arrays.copyOf(all, sampleSize);
    }

    /** Grows the subtree over idx[from, to) into the already allocated {@code node}. */
    private void grow(int node, int[] idx, int from, int to, int depth) {
        int size = to - from;
        int splitFeature = size <= 1 || depth >= heightLimit ? LEAF_MARK : pickFeature(idx, from, to);
        if (splitFeature == LEAF_MARK) {
            feature[node] = IsolationForest.LEAF;
            value[node] = depth + PathLength.average(size);
            return;
        }
        double[] range = range(idx, from, to, splitFeature);
        double threshold = range[0] + random.nextDouble() * (range[1] - range[0]);
        if (threshold <= range[0]) {
            threshold = Math.nextUp(range[0]);
        }
        int[] bounds = partition(idx, from, to, splitFeature, threshold);
        int mid = bounds[0];
        int nonMissingEnd = bounds[1];
        // Rows missing this feature join the larger side, the same side NaN takes at scoring time.
        boolean missingLeft = mid - from >= nonMissingEnd - mid;
        if (missingLeft) {
            mid = moveMissingLeft(idx, mid, nonMissingEnd, to);
        }
        feature[node] = splitFeature;
        value[node] = threshold;
        // Siblings are allocated together so that right = left + 1 (the forest's compact layout relies on it).
        int l = allocate();
        int r = allocate();
        left[node] = l;
        right[node] = r;
        missing[node] = missingLeft ? l : r;
        grow(l, idx, from, mid, depth + 1);
        grow(r, idx, mid, to, depth + 1);
    }

    /** A random feature among those that still vary here, or LEAF_MARK when all are constant. */
    private int pickFeature(int[] idx, int from, int to) {
        int start = random.nextInt(featureCount);
        for (int k = 0; k < featureCount; k++) {
            int f = (start + k) % featureCount;
            double[] r = range(idx, from, to, f);
            if (r[0] < r[1]) {
                return f;
            }
        }
        return LEAF_MARK;
    }

    private double[] range(int[] idx, int from, int to, int f) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double v = rows[idx[i]][f];
            if (v == v) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new double[] {min, max};
    }

    /** Orders idx[from, to) as [v < t | v >= t | NaN]; returns {end of left, end of non-missing}. */
    private int[] partition(int[] idx, int from, int to, int f, double threshold) {
        int end = to;
        for (int i = from; i < end; ) {
            if (Double.isNaN(rows[idx[i]][f])) {
                swap(idx, i, --end);
            } else {
                i++;
            }
        }
        int mid = from;
        for (int i = from; i < end; i++) {
            if (rows[idx[i]][f] < threshold) {
                swap(idx, i, mid++);
            }
        }
        return new int[] {mid, end};
    }

    /** Moves the NaN block [nanFrom, to) to just after the left block; returns the new left end. */
    private static int moveMissingLeft(int[] idx, int mid, int nanFrom, int to) {
        int[] nan = Arrays.copyOfRange(idx, nanFrom, to);
        System.arraycopy(idx, mid, idx, mid + nan.length, nanFrom - mid);
        System.arraycopy(nan, 0, idx, mid, nan.length);
        return mid + nan.length;
    }

    private static void swap(int[] a, int i, int j) {
        int tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
    }

    private int allocate() {
        if (nodes == feature.length) {
            int size = nodes * 2;
            feature = Arrays.copyOf(feature, size);
            value = Arrays.copyOf(value, size);
            left = Arrays.copyOf(left, size);
            right = Arrays.copyOf(right, size);
            missing = Arrays.copyOf(missing, size);
        }
        return nodes++;
    }
}
