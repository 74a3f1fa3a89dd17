package dev.farthing.bench.channels;

import dev.farthing.channel.protocol.Claim;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.Ed25519Verifier;
import dev.farthing.keys.SoftwareSigner;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/**
 * Claim verification against raw BouncyCastle Ed25519 verify on {@code threads} threads, interleaved: short
 * rounds alternate between the two so that load from other processes hits both alike; prints the median
 * rate of each and their ratio. Usage: {@code bench channels-verify [rounds=30] [round-ms=300] [threads=2]}.
 */
public final class ClaimVerifyRatio {
    private ClaimVerifyRatio() {
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long roundMs = args.length > 1 ? Long.parseLong(args[1]) : 300;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        SecureRandom random = new SecureRandom();
        SoftwareSigner payer = Ed25519.generate(random);
        byte[] key = payer.publicKey();
        Ed25519Verifier verifier = Ed25519.verifier(key);
        byte[] id = new byte[32];
        random.nextBytes(id);
        int n = 64;
        byte[][] msgs = new byte[n][];
        byte[][] sigs = new byte[n][];
        for (int i = 0; i < n; i++) {
            msgs[i] = new Claim(id, 1_000L * (i + 1)).bytes();
            sigs[i] = payer.sign(msgs[i]);
        }
        IntPredicate raw = i -> org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sigs[i], 0, key, 0, msgs[i], 0, msgs[i].length);
        IntPredicate claim = i -> verifier.verify(Claim.signable(id, 1_000L * (i + 1)), sigs[i]);
        double[] rawRates = new double[rounds];
        double[] claimRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            boolean rawFirst = (r & 1) == 0;
            double a = rate(rawFirst ? raw : claim, roundMs, threads, n);
            double b = rate(rawFirst ? claim : raw, roundMs, threads, n);
            rawRates[r] = rawFirst ? a : b;
            claimRates[r] = rawFirst ? b : a;
        }
        double rawMedian = median(rawRates);
        double claimMedian = median(claimRates);
        System.out.printf("threads=%d rounds=%d x %d ms: raw BouncyCastle verify %.0f/s, claim verify %.0f/s, ratio %.2f%n",
                threads, rounds, roundMs, rawMedian, claimMedian, claimMedian / rawMedian);
    }

    private static double rate(IntPredicate verify, long ms, int threads, int n) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + ms * 1_000_000;
        List<Thread> ts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            ts.add(Thread.ofPlatform().start(() -> {
                long count = 0;
                for (int i = 0; System.nanoTime() < end; i = (i + 1) % n) {
                    if (!verify.test(i)) {
                        throw new IllegalStateException("a valid signature failed to verify");
                    }
                    count++;
                }
                done.addAndGet(count);
            }));
        }
        for (Thread t : ts) {
            t.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
