package dev.farthing.model.logistic;

/**
 * Logistic-regression training settings. The objective is the mean log loss plus {@code l2 / 2} times the
 * squared weights of the standardised features (the intercept is not penalised).
 */
public record LogisticParams(double l2, int maxIterations, double tolerance) {

    public LogisticParams {
        if (!(l2 >= 0 && l2 < 1e6)) {
            throw new IllegalArgumentException("l2 must be in [0, 1e6), got " + l2);
        }
        if (maxIterations < 1 || maxIterations > 10_000) {
            throw new IllegalArgumentException("max iterations must be in 1..10000, got " + maxIterations);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
    }

    /** A light penalty: enough to keep separable data finite, too little to bias a well-posed fit much. */
    public static LogisticParams defaults() {
        return new LogisticParams(1e-3, 100, 1e-9);
    }
}
