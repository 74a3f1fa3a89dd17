package dev.farthing.model.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Accumulates rows, labels and times while a reader streams a file, then freezes them into a dataset. */
final class RowCollector {

    private final List<String> featureNames;
    private final List<double[]> rows = new ArrayList<>();
    private int[] labels = new int[1024];
    private long[] times = new long[1024];

    RowCollector(List<String> featureNames) {
        this.featureNames = List.copyOf(featureNames);
    }

    void add(double[] row, int label) {
        add(row, label, 0);
    }

    void add(double[] row, int label, long time) {
        if (rows.size() == labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
            times = Arrays.copyOf(times, times.length * 2);
        }
        labels[rows.size()] = label;
        times[rows.size()] = time;
        rows.add(row);
    }

    Dataset toDataset() {
        return new Dataset(featureNames, rows.toArray(new double[0][]), Arrays.copyOf(labels, rows.size()), null);
    }

    StampedDataset toStamped() {
        return new StampedDataset(toDataset(), Arrays.copyOf(times, rows.size()));
    }
}
