package dev.farthing.model.iforest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An isolation forest (Liu, Ting and Zhou 2008) stored as flat arrays. Anomalies are isolated by few random
 * splits, so a short average path means an outlier: score = 2^(-E[h(x)] / c(sampleSize)), in (0, 1], where
 * values near 1 are anomalous and values well below 0.5 are normal.
 *
 * <p>A node's two children are adjacent (right = left + 1), so scoring reads two arrays: the packed links and
 * the values. For leaves {@link #value} holds the depth plus c(leaf size), the expected remaining path; for splits the
 * threshold. A missing value ({@code NaN}) follows the child that received more training rows.
 */
public final class IsolationForest {

    static final int LEAF = -1;
    static final String FORMAT = "farthing-iforest-1";

    private final int[] roots;
    private final int[] feature;
    private final double[] value;
    private final int[] left;
    private final int[] right;
    private final int[] missing;
    private final int sampleSize;
    private final int featureCount;
    private final double normaliser;
    /** Scoring layout, two ints per node: [feature or LEAF, (left child << 1) | missing-goes-left]. */
    private final int[] links;

    IsolationForest(int[] roots, int[] feature, double[] value, int[] left, int[] right, int[] missing,
                    int sampleSize, int featureCount) {
        int nodes = feature.length;
        if (value.length != nodes || left.length != nodes || right.length != nodes || missing.length != nodes) {
            throw new IllegalArgumentException("isolation forest node arrays differ in length");
        }
        for (int n = 0; n < nodes; n++) {
            if (feature[n] != LEAF && (feature[n] < 0 || feature[n] >= featureCount
                    || left[n] <= n || right[n] != left[n] + 1 || right[n] >= nodes
                    || (missing[n] != left[n] && missing[n] != right[n]))) {
                throw new IllegalArgumentException("invalid isolation forest node " + n);
            }
        }
        for (int root : roots) {
            if (root < 0 || root >= nodes) {
                throw new IllegalArgumentException("isolation forest root out of range: " + root);
            }
        }
        this.roots = roots;
        this.feature = feature;
        this.value = value;
        this.left = left;
        this.right = right;
        this.missing = missing;
        this.sampleSize = sampleSize;
        this.featureCount = featureCount;
        this.normaliser = PathLength.average(sampleSize);
        this.links = new int[2 * nodes];
        for (int n = 0; n < nodes; n++) {
            links[2 * n] = feature[n];
            links[2 * n + 1] = feature[n] == LEAF ? 0 : left[n] << 1 | (missing[n] == left[n] ? 1 : 0);
        }
    }

    public static IsolationForest train(double[][] rows, IsolationForestParams params) {
        return new IsolationForestTrainer(rows, params).train();
    }

    /** Anomaly score in (0, 1]: higher is more anomalous. */
    public double score(double[] row) {
        if (row.length != featureCount) {
            throw new IllegalArgumentException("row has " + row.length + " features, forest expects " + featureCount);
        }
        double total = 0;
        for (int root : roots) {
            total += pathLength(root, row);
        }
        return Math.pow(2.0, -(total / roots.length) / normaliser);
    }

    private double pathLength(int root, double[] row) {
        final int[] l = links;
        int n = root;
        int f;
        while ((f = l[2 * n]) != LEAF) {
            double v = row[f];
            int children = l[2 * n + 1];
            boolean goLeft = v != v ? (children & 1) != 0 : v < value[n];
            n = (children >>> 1) + (goLeft ? 0 : 1);
        }
        return value[n];
    }

    /**
     * Per-feature attribution of this forest's scores by path length (see {@link PathAttribution}); immutable
     * and thread-safe, built on demand because it precomputes the training size of every node.
     */
    public PathAttribution attribution() {
        return new PathAttribution(this);
    }

    int[] roots() {
        return roots;
    }

    int[] links() {
        return links;
    }

    double[] values() {
        return value;
    }

    int sampleSize() {
        return sampleSize;
    }

    double normaliser() {
        return normaliser;
    }

    public int treeCount() {
        return roots.length;
    }

    public int featureCount() {
        return featureCount;
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("format", FORMAT);
        json.put("sample_size", sampleSize);
        json.put("feature_count", featureCount);
        putInts(json.putArray("roots"), roots);
        putInts(json.putArray("feature"), feature);
        ArrayNode values = json.putArray("value");
        for (double v : value) {
            values.add(v);
        }
        putInts(json.putArray("left"), left);
        putInts(json.putArray("right"), right);
        putInts(json.putArray("missing"), missing);
        return json;
    }

    public static IsolationForest fromJson(JsonNode json) {
        if (!FORMAT.equals(json.path("format").asText())) {
            throw new IllegalArgumentException("not an isolation forest of format " + FORMAT + ": "
                    + json.path("format").asText("(none)"));
        }
        JsonNode values = json.path("value");
        double[] value = new double[values.size()];
        for (int i = 0; i < value.length; i++) {
            value[i] = values.get(i).asDouble();
        }
        return new IsolationForest(ints(json, "roots"), ints(json, "feature"), value, ints(json, "left"),
                ints(json, "right"), ints(json, "missing"), json.path("sample_size").asInt(),
                json.path("feature_count").asInt());
    }

    private static void putInts(ArrayNode array, int[] values) {
        for (int v : values) {
            array.add(v);
        }
    }

    private static int[] ints(JsonNode json, String field) {
        JsonNode array = json.get(field);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("isolation forest JSON lacks array '" + field + "'");
        }
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
