package dev.farthing.model.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;

/**
 * Maps a raw model score to a calibrated probability with isotonic regression: the non-decreasing step function
 * that best fits held-out labels in least squares, found by pool-adjacent-violators (PAV). It is stored as the
 * blocks' mean raw scores {@code x} and their fraud rates {@code y}; between two block means the probability is
 * interpolated linearly (so nearby scores do not tie), below the first and above the last it is clamped.
 * Immutable.
 */
public final class IsotonicCalibrator {
    private final double[] x;
    private final double[] y;
    private final int rows;

    IsotonicCalibrator(double[] x, double[] y, int rows) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("a calibrator needs as many block scores as probabilities, at least one");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !(y[i] >= 0 && y[i] <= 1)) {
                throw new IllegalArgumentException("calibration block " + i + " is not a finite score with a"
                        + " probability in [0, 1]");
            }
            if (i > 0 && (x[i] <= x[i - 1] || y[i] < y[i - 1])) {
                throw new IllegalArgumentException("calibration blocks must be increasing in score and"
                        + " non-decreasing in probability (block " + i + ")");
            }
        }
        this.x = x.clone();
        this.y = y.clone();
        this.rows = rows;
    }

    /**
     * Fits scores to 0/1 labels with PAV. Equal scores are pooled first (one score, one probability).
     * NaN scores are skipped. Throws IllegalArgumentException when no row has a score.
     */
    public static IsotonicCalibrator fit(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        Integer[] order = new Integer[scores.length];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isNaN(scores[i])) {
                order[n++] = i;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot calibrate on no scored rows");
        }
        Integer[] sorted = Arrays.copyOf(order, n);
        Arrays.sort(sorted, (a, b) -> Double.compare(scores[a], scores[b]));
        // Blocks as a stack: sum of scores, sum of labels and weight (row count).
        double[] sumX = new double[n];
        double[] sumY = new double[n];
        long[] weight = new long[n];
        int blocks = 0;
        for (int k = 0; k < n; ) {
            double s = scores[sorted[k]];
            double ys = 0;
            int w = 0;
            while (k < n && scores[sorted[k]] == s) {
                ys += labels[sorted[k]];
                w++;
                k++;
            }
            sumX[blocks] = s * w;
            sumY[blocks] = ys;
            weight[blocks] = w;
            blocks++;
            // Pool while the previous block's rate exceeds this one's (the violation PAV removes).
            while (blocks > 1 && sumY[blocks - 2] * weight[blocks - 1] > sumY[blocks - 1] * weight[blocks - 2]) {
                sumX[blocks - 2] += sumX[blocks - 1];
                sumY[blocks - 2] += sumY[blocks - 1];
                weight[blocks - 2] += weight[blocks - 1];
                blocks--;
            }
        }
        double[] bx = new double[blocks];
        double[] by = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            bx[b] = sumX[b] / weight[b];
            by[b] = sumY[b] / weight[b];
        }
        // Block means are strictly increasing except for rounding in sumX/weight; nudge ties apart.
        for (int b = 1; b < blocks; b++) {
            if (bx[b] <= bx[b - 1]) {
                bx[b] = Math.nextUp(bx[b - 1]);
            }
        }
        return new IsotonicCalibrator(bx, by, n);
    }

    /** The calibrated probability of a raw score; NaN stays NaN. Non-decreasing in {@code raw}. */
    public double apply(double raw) {
        if (Double.isNaN(raw)) {
            return raw;
        }
        if (raw <= x[0]) {
            return y[0];
        }
        int last = x.length - 1;
        if (raw >= x[last]) {
            return y[last];
        }
        int hi = Arrays.binarySearch(x, raw);
        if (hi >= 0) {
            return y[hi];
        }
        hi = -hi - 1;
        int lo = hi - 1;
        double t = (raw - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + t * (y[hi] - y[lo]);
    }

    /** Number of blocks of the fitted step function. */
    public int blocks() {
        return x.length;
    }

    /** Rows the calibrator was fitted on. */
    public int rows() {
        return rows;
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("method", "isotonic");
        json.put("rows", rows);
        ArrayNode xs = json.putArray("x");
        ArrayNode ys = json.putArray("y");
        for (int i = 0; i < x.length; i++) {
            xs.add(x[i]);
            ys.add(y[i]);
        }
        return json;
    }

    public static IsotonicCalibrator fromJson(JsonNode json) {
        if (!"isotonic".equals(json.path("method").asText())) {
            throw new IllegalArgumentException("unknown calibration method '" + json.path("method").asText() + "'");
        }
        JsonNode xs = json.path("x");
        JsonNode ys = json.path("y");
        if (!xs.isArray() || !ys.isArray()) {
            throw new IllegalArgumentException("calibration needs arrays x and y");
        }
        double[] x = new double[xs.size()];
        double[] y = new double[ys.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = xs.get(i).asDouble(Double.NaN);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = ys.get(i).asDouble(Double.NaN);
        }
        return new IsotonicCalibrator(x, y, json.path("rows").asInt());
    }
}
