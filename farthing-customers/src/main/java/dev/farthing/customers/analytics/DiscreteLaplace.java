package dev.farthing.customers.analytics;

import java.math.BigInteger;
import java.util.random.RandomGenerator;

/**
 * Exact sampling of the discrete Laplace distribution, {@code P(Z = z) ∝ exp(-|z| / scale)} over the integers, with
 * {@code scale = num / den} rational, after Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential
 * Privacy" (NeurIPS 2020), algorithms 1 and 2. Only uniform integers and Bernoulli draws of rational probabilities
 * are used: no floating point, so no rounding artefact (Mironov 2012) can leak what the noise hides. Production
 * passes a {@link java.security.SecureRandom}; tests a seeded {@link Random}.
 */
public final class DiscreteLaplace {
    private final BigInteger num;
    private final BigInteger den;
    private final RandomGenerator random;

    /** Noise of scale {@code num / den} (e.g. sensitivity × 10⁶ over micro-epsilon). */
    public DiscreteLaplace(long num, long den, RandomGenerator random) {
        if (num <= 0 || den <= 0) {
            throw new IllegalArgumentException("the scale must be a positive fraction, not " + num + "/" + den);
        }
        this.num = BigInteger.valueOf(num);
        this.den = BigInteger.valueOf(den);
        this.random = random;
    }

    /** One sample (CKS algorithm 2 with {@code t = num}, {@code s = den}). */
    public long sample() {
        while (true) {
            BigInteger u = uniform(num);
            if (!bernoulliExp(u, num)) {
                continue;
            }
            long v = 0;
            while (bernoulliExp(BigInteger.ONE, BigInteger.ONE)) {
                v++;
            }
            BigInteger x = u.add(num.multiply(BigInteger.valueOf(v)));
            long y = x.divide(den).longValueExact();
            boolean negative = random.nextBoolean();
            if (negative && y == 0) {
                continue; // zero would otherwise be drawn twice as often
            }
            return negative ? -y : y;
        }
    }

    /** Bernoulli(exp(-n/d)) for n/d ≥ 0 (CKS algorithm 1, with the integer part peeled off as Bernoulli(exp(-1)) draws). */
    boolean bernoulliExp(BigInteger n, BigInteger d) {
        BigInteger[] whole = n.divideAndRemainder(d);
        for (BigInteger k = BigInteger.ZERO; k.compareTo(whole[0]) < 0; k = k.add(BigInteger.ONE)) {
            if (!bernoulliExpAtMostOne(BigInteger.ONE, BigInteger.ONE)) {
                return false;
            }
        }
        return bernoulliExpAtMostOne(whole[1], d);
    }

    /** Bernoulli(exp(-n/d)) for 0 ≤ n/d ≤ 1: the parity of the first K with Bernoulli(γ/K) false. */
    private boolean bernoulliExpAtMostOne(BigInteger n, BigInteger d) {
        long k = 1;
        while (bernoulli(n, d.multiply(BigInteger.valueOf(k)))) {
            k++;
        }
        return (k & 1) == 1;
    }

    /** Bernoulli(n/d) for 0 ≤ n ≤ d. */
    private boolean bernoulli(BigInteger n, BigInteger d) {
        return uniform(d).compareTo(n) < 0;
    }

    /** Uniform in [0, bound): the generator's own exact bounded draw, else rejection over the bound's bit length. */
    private BigInteger uniform(BigInteger bound) {
        if (bound.bitLength() < Long.SIZE) {
            return BigInteger.valueOf(random.nextLong(bound.longValue()));
        }
        int bits = bound.bitLength();
        while (true) {
            BigInteger r = BigInteger.ZERO;
            for (int have = 0; have < bits; have += Long.SIZE) {
                r = r.shiftLeft(Long.SIZE).or(new BigInteger(1, java.nio.ByteBuffer.allocate(8).putLong(random.nextLong()).array()));
            }
            r = r.shiftRight(Math.ceilDiv(bits, Long.SIZE) * Long.SIZE - bits);
            if (r.compareTo(bound) < 0) {
                return r;
            }
        }
    }

    /** The exact probability of {@code z} for scale {@code b} (for tests and the accuracy figures in replies). */
    public static double pmf(long z, double b) {
        double p = Math.exp(-1 / b);
        return (1 - p) / (1 + p) * Math.pow(p, Math.abs(z));
    }

    /** P(Z ≥ k) for k ≥ 1 and scale {@code b}: p^k / (1 + p). */
    public static double tailAtLeast(long k, double b) {
        double p = Math.exp(-1 / b);
        return Math.pow(p, k) / (1 + p);
    }
}
