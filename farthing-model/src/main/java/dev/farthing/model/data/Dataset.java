package dev.farthing.model.data;

import java.util.List;
import java.util.Objects;

/**
 * A model-ready table: one row of feature values per example, a 0/1 label (1 = fraud) and, where the source
 * carries one, the scenario that produced it. Missing feature values are {@code NaN} (XGBoost "missing").
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction.
 */
public record Dataset(List<String> featureNames, double[][] rows, int[] labels, String[] scenarios) {

    public Dataset {
        featureNames = List.copyOf(featureNames);
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(labels, "labels");
        if (rows.length != labels.length) {
            throw new IllegalArgumentException("rows (" + rows.length + ") and labels (" + labels.length
                    + ") differ in length");
        }
        if (scenarios != null && scenarios.length != rows.length) {
            throw new IllegalArgumentException("scenarios (" + scenarios.length + ") and rows (" + rows.length
                    + ") differ in length");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != featureNames.size()) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected "
                        + featureNames.size());
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("row " + i + " has label " + labels[i] + ", expected 0 or 1");
            }
        }
    }

    public int size() {
        return rows.length;
    }

    public int width() {
        return featureNames.size();
    }

    public int positives() {
        int n = 0;
        for (int label : labels) {
            n += label;
        }
        return n;
    }

    public boolean hasScenarios() {
        return scenarios != null;
    }

    /** The rows at the given indices, in that order (a split or a sample). */
    public Dataset select(int[] indices) {
        double[][] r = new double[indices.length][];
        int[] l = new int[indices.length];
        String[] s = scenarios == null ? null : new String[indices.length];
        for (int i = 0; i < indices.length; i++) {
            r[i] = rows[indices[i]];
            l[i] = labels[indices[i]];
            if (s != null) {
                s[i] = scenarios[indices[i]];
            }
        }
        return new Dataset(featureNames, r, l, s);
    }
}
