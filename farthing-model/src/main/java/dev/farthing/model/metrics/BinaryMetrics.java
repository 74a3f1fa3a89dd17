package dev.farthing.model.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Threshold and ranking metrics for a binary scorer (label 1 = positive, higher score = more positive).
 * Tied scores are handled as one block: AUCs count a tie as half a correct ordering, average precision and
 * the operating point only consider thresholds between distinct scores.
 */
public final class BinaryMetrics {

    private BinaryMetrics() {
    }

    public static Confusion at(double[] scores, int[] labels, double threshold) {
        check(scores, labels);
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flagged = scores[i] >= threshold;
            if (labels[i] == 1) {
                if (flagged) tp++; else fn++;
            } else {
                if (flagged) fp++; else tn++;
            }
        }
        return new Confusion(threshold, tp, fp, tn, fn);
    }

    /** ROC-AUC by the Mann-Whitney statistic with average ranks for ties; NaN without both classes. */
    public static double rocAuc(double[] scores, int[] labels) {
        check(scores, labels);
        Integer[] order = ascending(scores);
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < order.length; ) {
            int end = tieEnd(scores, order, start);
            double averageRank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                if (labels[order[k]] == 1) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            start = end;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Average precision (area under the precision-recall curve, step-wise): sum of (R_n - R_n-1) * P_n. */
    public static double averagePrecision(double[] scores, int[] labels) {
        check(scores, labels);
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        if (positives == 0) {
            return Double.NaN;
        }
        Integer[] order = descending(scores);
        long tp = 0, seen = 0;
        double ap = 0;
        for (int start = 0; start < order.length; ) {
            int end = tieEnd(scores, order, start);
            long blockTp = 0;
            for (int k = start; k < end; k++) {
                blockTp += labels[order[k]];
            }
            tp += blockTp;
            seen += end - start;
            ap += (double) blockTp / positives * ((double) tp / seen);
            start = end;
        }
        return ap;
    }

    /** The best recall with false-positive rate at most {@code maxFpr}, and the threshold that gives it. */
    public static OperatingPoint recallAtFpr(double[] scores, int[] labels, double maxFpr) {
        check(scores, labels);
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        long negatives = scores.length - positives;
        Integer[] order = descending(scores);
        double threshold = Double.POSITIVE_INFINITY;
        double recall = positives == 0 ? Double.NaN : 0.0;
        double fpr = negatives == 0 ? Double.NaN : 0.0;
        long tp = 0, fp = 0;
        for (int start = 0; start < order.length; ) {
            int end = tieEnd(scores, order, start);
            for (int k = start; k < end; k++) {
                if (labels[order[k]] == 1) tp++; else fp++;
            }
            double blockFpr = negatives == 0 ? 0.0 : (double) fp / negatives;
            if (blockFpr > maxFpr) {
                break;
            }
            threshold = scores[order[start]];
            recall = positives == 0 ? Double.NaN : (double) tp / positives;
            fpr = negatives == 0 ? Double.NaN : blockFpr;
            start = end;
        }
        return new OperatingPoint(maxFpr, threshold, recall, fpr);
    }

    private static Integer[] ascending(double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }

    private static Integer[] descending(double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        return order;
    }

    /** End (exclusive) of the run of equal scores starting at {@code start} in {@code order}. */
    private static int tieEnd(double[] scores, Integer[] order, int start) {
        int end = start + 1;
        while (end < order.length && Double.compare(scores[order[end]], scores[order[start]]) == 0) {
            end++;
        }
        return end;
    }

    private static void check(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", expected 0 or 1");
            }
        }
    }
}
