package dev.farthing.model.data;

import java.util.ArrayList;
import java.util.List;

/** Accumulates rows and labels while a reader streams a file, then freezes them into a {@link Dataset}. */
final class RowCollector {

    private final List<String> featureNames;
    private final List<double[]> rows = new ArrayList<>();
    private int[] labels = new int[1024];

    RowCollector(List<String> featureNames) {
        this.featureNames = List.copyOf(featureNames);
    }

    void add(double[] row, int label) {
        if (rows.size() == labels.length) {
            labels = java.util.Arrays.copyOf(labels, labels.length * 2);
        }
        labels[rows.size()] = label;
        rows.add(row);
    }

    Dataset toDataset() {
        return new Dataset(featureNames, rows.toArray(new double[0][]), java.util.Arrays.copyOf(labels, rows.size()),
                null);
    }
}
