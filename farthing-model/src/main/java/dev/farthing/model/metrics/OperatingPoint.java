package dev.farthing.model.metrics;

/** The lowest threshold whose false-positive rate stays within a budget, and the recall it buys. */
public record OperatingPoint(double maxFalsePositiveRate, double threshold, double recall, double falsePositiveRate) {
}
