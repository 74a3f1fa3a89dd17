package dev.farthing.risk.review;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Training labels in the order they arrived. Written by the risk engine's decision thread, read from any
 * thread. Bounded: only the newest {@code maxLabels} are kept in memory; every label stays in the journal.
 */
public final class LabelStore {
    private final ArrayDeque<TrainingLabel> labels = new ArrayDeque<>();
    private final int maxLabels;
    private long total;

    public LabelStore(int maxLabels) {
        if (maxLabels < 1) {
            throw new IllegalArgumentException("maxLabels must be positive");
        }
        this.maxLabels = maxLabels;
    }

    public synchronized void add(TrainingLabel label) {
        labels.addLast(label);
        total++;
        if (labels.size() > maxLabels) {
            labels.pollFirst();
        }
    }

    /** The newest labels, oldest first, at most {@code limit}. */
    public synchronized List<TrainingLabel> newest(int limit) {
        List<TrainingLabel> all = new ArrayList<>(labels);
        return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    }

    /** The latest label given to {@code paymentId}, or null. */
    public synchronized TrainingLabel latestFor(String paymentId) {
        var it = labels.descendingIterator();
        while (it.hasNext()) {
            TrainingLabel l = it.next();
            if (l.paymentId().equals(paymentId)) {
                return l;
            }
        }
        return null;
    }

    /** Puts back a snapshot's labels (oldest first) and the count of labels ever added. */
    public synchronized void restore(List<TrainingLabel> kept, long totalEver) {
        if (!labels.isEmpty() || totalEver < kept.size()) {
            throw new IllegalStateException("labels restore into an empty store, with a total of at least " + kept.size());
        }
        labels.addAll(kept.subList(Math.max(0, kept.size() - maxLabels), kept.size()));
        total = totalEver;
    }

    public synchronized long total() {
        return total;
    }
}
