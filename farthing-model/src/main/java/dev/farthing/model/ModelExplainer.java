package dev.farthing.model;

import dev.farthing.model.gbt.TreeEnsemble;
import dev.farthing.model.gbt.TreeShap;
import dev.farthing.model.iforest.IsolationForest;
import dev.farthing.model.iforest.PathAttribution;

/**
 * Per-feature contributions to one model's two scores, for one thread: exact TreeSHAP for the fraud trees (in
 * log-odds, summing with the bias to the margin) and path-length attribution for the isolation forest (in score
 * units, summing with the baseline to the anomaly score). Holds reusable buffers, so it is not thread-safe:
 * each single-threaded caller (a decision loop) keeps its own, from {@link RiskModel#explainer()}.
 */
public final class ModelExplainer {
    private final int featureCount;
    private final TreeShap trees;
    private final PathAttribution forest;
    // Scratch for rows of a grown schema (the model reads a prefix): reused, this explainer is single-threaded.
    private final double[] ownRow;
    private final double[] ownOut;

    ModelExplainer(TreeEnsemble trees, IsolationForest forest, int featureCount) {
        this.featureCount = featureCount;
        this.trees = trees.hasCover() ? trees.explainer() : null;
        this.forest = forest == null ? null : forest.attribution();
        this.ownRow = new double[featureCount];
        this.ownOut = new double[featureCount + 1];
    }

    /** False for a model whose file carried no node covers: its fraud score cannot be explained. */
    public boolean explainsFraud() {
        return trees != null;
    }

    public boolean explainsAnomaly() {
        return forest != null;
    }

    /**
     * Contributions to the fraud margin (log-odds) in {@code out[0..n)}, the bias in {@code out[n]}; the sum is
     * the margin, {@code logit(fraud score)}. Throws IllegalStateException when {@link #explainsFraud()} is false.
     */
    public void fraud(double[] row, double[] out) {
        if (trees == null) {
            throw new IllegalStateException("this model has no node covers (XGBoost 'sum_hessian'): retrain it to"
                    + " explain its fraud scores");
        }
        if (row.length == featureCount) {
            trees.contributions(row, out);
            return;
        }
        // A row of a grown schema (RiskModel#requireFeatures): the appended features are not read, so contribute 0.
        trees.contributions(own(row), ownOut);
        widen(ownOut, out);
    }

    /**
     * {@link #fraud} by the per-leaf tables, the walk before sibling leaves were merged: the reference that tests
     * and benchmarks compare the shipped walk with, in the same run. Rows of the model's own width only.
     */
    public void fraudPerLeaf(double[] row, double[] out) {
        if (trees == null) {
            throw new IllegalStateException("this model has no node covers");
        }
        trees.contributionsPerLeaf(row, out);
    }

    private double[] own(double[] row) {
        if (row.length < featureCount) {
            throw new IllegalArgumentException("expected at least " + featureCount + " features, got " + row.length);
        }
        System.arraycopy(row, 0, ownRow, 0, featureCount);
        return ownRow;
    }

    private void widen(double[] own, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        System.arraycopy(own, 0, out, 0, featureCount);
        out[out.length - 1] = own[featureCount];
    }

    /**
     * Contributions to the anomaly score in {@code out[0..n)}, the baseline (0.5 for full samples) in
     * {@code out[n]}; the sum is the anomaly score. Throws IllegalStateException when the model has no forest.
     */
    public void anomaly(double[] row, double[] out) {
        if (forest == null) {
            throw new IllegalStateException("this model has no isolation forest");
        }
        if (row.length == featureCount) {
            forest.contributions(row, out);
            return;
        }
        forest.contributions(own(row), ownOut);
        widen(ownOut, out);
    }

    public int featureCount() {
        return featureCount;
    }
}
