package dev.farthing.model.registry;

import dev.farthing.model.metrics.BinaryMetrics;
import dev.farthing.model.metrics.Confusion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Side-by-side live metrics for the active and shadow models. Each scored payment records every model's
 * score; when a label arrives (chargeback, review) the payment's scores join the labelled set of each model,
 * so precision, recall and AUCs compare the models on the same payments. Bounded: the most recent
 * {@code capacity} unlabelled payments are remembered, and each model keeps at most {@code capacity}
 * labelled pairs (oldest dropped). Thread-safe.
 */
public final class ShadowScoreboard {

    static final int BINS = 20;

    private final int capacity;
    private final double threshold;
    private final Map<String, Map<String, Double>> pending;
    private final Map<String, ModelTally> tallies = new LinkedHashMap<>();

    public ShadowScoreboard(int capacity, double threshold) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.threshold = threshold;
        this.pending = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, Double>> eldest) {
                return size() > ShadowScoreboard.this.capacity;
            }
        };
    }

    /** One model's fraud score for one payment. */
    public synchronized void recordScore(String paymentId, String modelVersion, double score) {
        if (Double.isNaN(score)) {
            return;
        }
        tally(modelVersion).observe(score);
        pending.computeIfAbsent(paymentId, k -> new HashMap<>()).put(modelVersion, score);
    }

    /** The payment's true label; later labels for the same payment are ignored. */
    public synchronized void recordLabel(String paymentId, boolean fraud) {
        Map<String, Double> scores = pending.remove(paymentId);
        if (scores == null) {
            return;
        }
        scores.forEach((version, score) -> tally(version).label(score, fraud ? 1 : 0, capacity));
    }

    public synchronized List<ShadowReport> report() {
        List<ShadowReport> out = new ArrayList<>();
        tallies.forEach((version, t) -> out.add(t.report(version, threshold)));
        return out;
    }

    private ModelTally tally(String version) {
        return tallies.computeIfAbsent(version, v -> new ModelTally());
    }

    /** One model's score histogram and labelled (score, label) ring. */
    private static final class ModelTally {
        final long[] histogram = new long[BINS];
        long scored;
        double[] labelledScores = new double[0];
        int[] labels = new int[0];
        int size;
        int oldest;

        void observe(double score) {
            scored++;
            histogram[Math.min(BINS - 1, Math.max(0, (int) (score * BINS)))]++;
        }

        /** Appends until {@code capacity} pairs are held, then overwrites the oldest. */
        void label(double score, int label, int capacity) {
            int slot;
            if (size < capacity) {
                if (size == labelledScores.length) {
                    int grown = Math.min(capacity, Math.max(16, size * 2));
                    labelledScores = java.util.Arrays.copyOf(labelledScores, grown);
                    labels = java.util.Arrays.copyOf(labels, grown);
                }
                slot = size++;
            } else {
                slot = oldest;
                oldest = (oldest + 1) % capacity;
            }
            labelledScores[slot] = score;
            labels[slot] = label;
        }

        ShadowReport report(String version, double threshold) {
            double[] s = java.util.Arrays.copyOf(labelledScores, size);
            int[] l = java.util.Arrays.copyOf(labels, size);
            Confusion c = BinaryMetrics.at(s, l, threshold);
            return new ShadowReport(version, scored, histogram.clone(), size, c.truePositives() + c.falseNegatives(),
                    c.precision(), c.recall(), c.falsePositiveRate(), BinaryMetrics.rocAuc(s, l),
                    BinaryMetrics.averagePrecision(s, l));
        }
    }
}
