package dev.farthing.model.iforest;

/** The average path length of an unsuccessful binary-search-tree search, c(n), which normalises depths. */
final class PathLength {

    private static final double EULER_GAMMA = 0.5772156649015329;

    private PathLength() {
    }

    static double average(long n) {
        if (n <= 1) {
            return 0.0;
        }
        if (n == 2) {
            return 1.0;
        }
        double harmonic = Math.log(n - 1.0) + EULER_GAMMA;
        return 2.0 * harmonic - 2.0 * (n - 1.0) / n;
    }
}
