package dev.farthing.model.logistic;

import java.util.List;

/**
 * A fitted logistic regression on standardised features: {@code p = sigmoid(b + sum w_j (x_j - mean_j) / scale_j)}.
 * A missing value (NaN) is scored as the training mean, i.e. it contributes nothing.
 */
public final class LogisticRegression {

    private final List<String> featureNames;
    private final double[] means;
    private final double[] scales;
    private final double[] weights;
    private final double intercept;
    private final int iterations;

    LogisticRegression(List<String> featureNames, double[] means, double[] scales, double[] weights, double intercept,
                       int iterations) {
        this.featureNames = List.copyOf(featureNames);
        this.means = means.clone();
        this.scales = scales.clone();
        this.weights = weights.clone();
        this.intercept = intercept;
        this.iterations = iterations;
    }

    public double margin(double[] row) {
        if (row.length != weights.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, model has " + weights.length);
        }
        double z = intercept;
        for (int j = 0; j < row.length; j++) {
            if (!Double.isNaN(row[j])) {
                z += weights[j] * (row[j] - means[j]) / scales[j];
            }
        }
        return z;
    }

    /** The probability of class 1. */
    public double predict(double[] row) {
        return sigmoid(margin(row));
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** Weights per standard deviation of each feature (comparable across features). */
    public double[] standardisedWeights() {
        return weights.clone();
    }

    /** Weights on the raw feature values. */
    public double[] rawWeights() {
        double[] raw = new double[weights.length];
        for (int j = 0; j < raw.length; j++) {
            raw[j] = weights[j] / scales[j];
        }
        return raw;
    }

    /** The intercept on raw feature values (the margin of an all-zero row). */
    public double rawIntercept() {
        double b = intercept;
        for (int j = 0; j < weights.length; j++) {
            b -= weights[j] * means[j] / scales[j];
        }
        return b;
    }

    /** Newton steps taken to converge. */
    public int iterations() {
        return iterations;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
