package dev.farthing.model.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;

/**
 * The training distribution of one feature: its range and quantiles over the known (non-NaN) values, the share
 * that was missing, and the fixed histogram PSI compares live traffic with. Bins: {@code edges} are ascending
 * and distinct; a value v falls in bin {@code i = number of edges <= v} (0..edges.length), and a missing value
 * in the last bin, {@code edges.length + 1}. {@code fractions} are the training shares of each bin.
 */
public record FeatureStats(String name, long known, long missing, double min, double p0_1, double p1, double p5,
                           double p25, double p50, double p75, double p95, double p99, double p99_9, double max,
                           double[] edges, double[] fractions) {

    /** Deciles give the bin edges: at most 9 inner edges, fewer for features with few distinct values. */
    static final double[] EDGE_QUANTILES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    public FeatureStats {
        edges = edges.clone();
        fractions = fractions.clone();
        if (fractions.length != edges.length + 2) {
            throw new IllegalArgumentException("feature " + name + ": " + edges.length + " bin edges need "
                    + (edges.length + 2) + " bin fractions, got " + fractions.length);
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("feature " + name + ": bin edges must be increasing");
            }
        }
    }

    /** Number of bins, the missing bin included. */
    public int bins() {
        return fractions.length;
    }

    /** The bin of {@code value} (NaN: the missing bin). */
    public int bin(double value) {
        if (Double.isNaN(value)) {
            return edges.length + 1;
        }
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) { // first edge > value
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The typical spread used to measure how far outside the range a value is: IQR, or a range-based fallback. */
    public double spread() {
        double iqr = p75 - p25;
        if (iqr > 0) {
            return iqr;
        }
        double range = (p99_9 - p0_1) / 4;
        if (range > 0) {
            return range;
        }
        return Math.max(Math.abs(p50), 1.0);
    }

    /**
     * How far {@code value} lies outside the training [p0.1, p99.9] range, in spreads ({@link #spread}); 0 inside
     * it or when unknown, or when the feature had no known training values.
     */
    public double distanceOutside(double value) {
        if (Double.isNaN(value) || known == 0) {
            return 0;
        }
        double beyond = value > p99_9 ? value - p99_9 : value < p0_1 ? p0_1 - value : 0;
        return beyond / spread();
    }

    /** Statistics of {@code column} (NaN = missing). */
    static FeatureStats of(String name, double[] column) {
        double[] known = Arrays.stream(column).filter(v -> !Double.isNaN(v)).sorted().toArray();
        long missing = column.length - known.length;
        if (known.length == 0) {
            double nan = Double.NaN;
            double[] fractions = {0, column.length == 0 ? 0 : 1};
            return new FeatureStats(name, 0, missing, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan,
                    new double[0], fractions);
        }
        double[] edges = Arrays.stream(EDGE_QUANTILES).map(q -> quantile(known, q)).distinct().sorted().toArray();
        FeatureStats shape = new FeatureStats(name, known.length, missing, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, edges,
                new double[edges.length + 2]);
        long[] counts = new long[shape.bins()];
        for (double v : column) {
            counts[shape.bin(v)]++;
        }
        double[] fractions = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            fractions[i] = (double) counts[i] / column.length;
        }
        return new FeatureStats(name, known.length, missing, known[0], quantile(known, 0.001), quantile(known, 0.01),
                quantile(known, 0.05), quantile(known, 0.25), quantile(known, 0.5), quantile(known, 0.75),
                quantile(known, 0.95), quantile(known, 0.99), quantile(known, 0.999), known[known.length - 1],
                edges, fractions);
    }

    /** Linear interpolation between the closest ranks (type 7, as numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", name);
        json.put("known", known);
        json.put("missing", missing);
        if (known > 0) {
            json.put("min", min);
            json.put("p0_1", p0_1);
            json.put("p1", p1);
            json.put("p5", p5);
            json.put("p25", p25);
            json.put("p50", p50);
            json.put("p75", p75);
            json.put("p95", p95);
            json.put("p99", p99);
            json.put("p99_9", p99_9);
            json.put("max", max);
        }
        ArrayNode e = json.putArray("bin_edges");
        for (double v : edges) {
            e.add(v);
        }
        ArrayNode f = json.putArray("bin_fractions");
        for (double v : fractions) {
            f.add(v);
        }
        return json;
    }

    static FeatureStats fromJson(JsonNode json) {
        String name = json.path("name").asText();
        long known = json.path("known").asLong();
        return new FeatureStats(name, known, json.path("missing").asLong(), num(json, "min", known),
                num(json, "p0_1", known), num(json, "p1", known), num(json, "p5", known), num(json, "p25", known),
                num(json, "p50", known), num(json, "p75", known), num(json, "p95", known), num(json, "p99", known),
                num(json, "p99_9", known), num(json, "max", known), doubles(json.path("bin_edges")),
                doubles(json.path("bin_fractions")));
    }

    private static double num(JsonNode json, String field, long known) {
        if (known == 0) {
            return Double.NaN;
        }
        JsonNode v = json.path(field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("training_stats feature " + json.path("name").asText() + ": " + field
                    + " must be a number");
        }
        return v.asDouble();
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble(Double.NaN);
        }
        return out;
    }
}
