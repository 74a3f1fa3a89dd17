package dev.farthing.model.registry;

/**
 * One model's live results: scores seen, their histogram ({@code histogram[i]} counts scores in
 * [i/20, (i+1)/20)), and on the labelled payments precision, recall and FPR at the board's threshold plus
 * ROC-AUC and PR-AUC (NaN until both classes have been labelled).
 */
public record ShadowReport(String version, long scored, long[] histogram, long labelled, long labelledFraud,
                           double precision, double recall, double falsePositiveRate, double rocAuc, double prAuc) {
}
