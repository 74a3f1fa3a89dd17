package dev.farthing.customers.analytics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sampler against the exact pmf: a chi-square goodness-of-fit test on seeded draws (prints its seed;
 * -Dfarthing.seed=N reproduces), with a control showing the same test rejects a slightly different scale.
 */
class DiscreteLaplaceTest {
    private static final int DRAWS = 200_000;

    private static long seed() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("DiscreteLaplaceTest seed " + seed + " (-Dfarthing.seed=" + seed + " reproduces)");
        return seed;
    }

    @Test
    void samplesFollowTheExactPmfAtAFractionalScale() {
        SplittableRandom random = new SplittableRandom(seed());
        long[] draws = draw(new DiscreteLaplace(5, 2, random), DRAWS); // scale 2.5
        Fit fit = chiSquare(draws, 2.5);
        System.out.printf("scale 2.5: chi2 %.1f on %d df (critical %.1f at p=0.001)%n", fit.chi2, fit.df, fit.critical());
        assertThat(fit.chi2).isLessThan(fit.critical());
        assertThat(mean(draws)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void samplesFollowTheExactPmfAtAScaleBelowOne() {
        SplittableRandom random = new SplittableRandom(seed());
        long[] draws = draw(new DiscreteLaplace(3, 7, random), DRAWS); // scale 3/7: mostly zeros
        Fit fit = chiSquare(draws, 3.0 / 7);
        System.out.printf("scale 3/7: chi2 %.1f on %d df (critical %.1f)%n", fit.chi2, fit.df, fit.critical());
        assertThat(fit.chi2).isLessThan(fit.critical());
    }

    @Test
    void hugeNumeratorsAndDenominatorsTakeTheBigIntegerPathExactly() {
        SplittableRandom random = new SplittableRandom(seed());
        long[] draws = draw(new DiscreteLaplace(5L << 60, 2L << 60, random), 50_000); // scale 2.5, bounds beyond 2^63
        Fit fit = chiSquare(draws, 2.5);
        System.out.printf("scale 5*2^60/2*2^60: chi2 %.1f on %d df (critical %.1f)%n", fit.chi2, fit.df, fit.critical());
        assertThat(fit.chi2).isLessThan(fit.critical());
    }

    @Test
    void theFitRejectsADifferentScale() {
        SplittableRandom random = new SplittableRandom(seed());
        long[] draws = draw(new DiscreteLaplace(5, 2, random), DRAWS);
        Fit wrong = chiSquare(draws, 2.7);
        assertThat(wrong.chi2).isGreaterThan(wrong.critical());
    }

    @Test
    void largeScalesHaveTheRightSpread() {
        SplittableRandom random = new SplittableRandom(seed());
        long[] draws = draw(new DiscreteLaplace(5_000_000_000L, 1_000_000, random), 20_000); // scale 5000
        double p = Math.exp(-1 / 5000.0);
        double variance = 2 * p / ((1 - p) * (1 - p)); // of the discrete Laplace
        double sampleVariance = 0;
        for (long d : draws) {
            sampleVariance += (double) d * d;
        }
        sampleVariance /= draws.length;
        assertThat(sampleVariance / variance).isBetween(0.9, 1.1);
    }

    @Test
    void bernoulliOfExpHasItsProbability() {
        SplittableRandom random = new SplittableRandom(seed());
        DiscreteLaplace d = new DiscreteLaplace(1, 1, random);
        int n = 100_000;
        int ones = 0;
        for (int i = 0; i < n; i++) {
            ones += d.bernoulliExp(java.math.BigInteger.valueOf(7), java.math.BigInteger.valueOf(4)) ? 1 : 0;
        }
        double expected = Math.exp(-7 / 4.0);
        double sd = Math.sqrt(expected * (1 - expected) / n);
        assertThat((double) ones / n).isCloseTo(expected, org.assertj.core.data.Offset.offset(4.5 * sd));
    }

    static long[] draw(DiscreteLaplace d, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = d.sample();
        }
        return out;
    }

    private static double mean(long[] draws) {
        double s = 0;
        for (long d : draws) {
            s += d;
        }
        return s / draws.length;
    }

    record Fit(double chi2, int df) {
        /** Wilson–Hilferty approximation of the chi-square quantile at p = 0.001 (z = 3.09). */
        double critical() {
            double k = df;
            double t = 1 - 2 / (9 * k) + 3.09 * Math.sqrt(2 / (9 * k));
            return k * t * t * t;
        }
    }

    /** Bins -K..K with expected counts ≥ 20, plus the two tails. */
    static Fit chiSquare(long[] draws, double scale) {
        int n = draws.length;
        int k = 0;
        while (n * DiscreteLaplace.pmf(k + 1, scale) >= 20) {
            k++;
        }
        long[] observed = new long[2 * k + 3];
        for (long d : draws) {
            int bin = d < -k ? 0 : d > k ? 2 * k + 2 : (int) d + k + 1;
            observed[bin]++;
        }
        double tail = DiscreteLaplace.tailAtLeast(k + 1, scale);
        double chi2 = 0;
        for (int bin = 0; bin < observed.length; bin++) {
            double p = bin == 0 || bin == observed.length - 1 ? tail : DiscreteLaplace.pmf(bin - k - 1, scale);
            double expected = n * p;
            chi2 += (observed[bin] - expected) * (observed[bin] - expected) / expected;
        }
        return new Fit(chi2, observed.length - 1);
    }
}
