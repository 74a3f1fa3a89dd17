package dev.farthing.bench.twoway;

import dev.farthing.keys.Ed25519;
import dev.farthing.keys.Ed25519Verifier;
import dev.farthing.keys.SoftwareSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Off-ledger two-way channel updates per second for one channel pair (sign + verify + durable persist on both
 * sides, revocations exchanged), against the raw BouncyCastle Ed25519 baseline measured in the same run: one
 * update costs 2 signs + 2 verifies, so the single-core ceiling is 1 / (2 sign + 2 verify).
 * Usage: {@code TwoWayUpdateBench [updatesPerRun=30000] [runs=3] [dir=java.io.tmpdir]}. Prints medians.
 */
public final class TwoWayUpdateBench {
    private TwoWayUpdateBench() {
    }

    public static void main(String[] args) throws Exception {
        int updates = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path base = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
        double[] signVerify = new double[runs];
        double[] rawCpuUs = new double[runs];
        double[] pair = new double[runs];
        double[] busiestCpuUs = new double[runs];
        measurePair(base, Math.min(updates, 5_000)); // warm-up
        for (int i = 0; i < runs; i++) {
            double[] raw = rawSignVerify(updates);
            signVerify[i] = raw[0];
            rawCpuUs[i] = raw[1];
            PairRun.Result r = measurePair(base, updates);
            pair[i] = updates / (r.wallNanos() / 1e9);
            busiestCpuUs[i] = Math.max(r.payerCpuNanos(), r.payeeCpuNanos()) / 1e3 / updates;
            System.out.printf("run %d: raw sign+verify %.0f/s (%.1f us CPU each); two-way updates %.0f/s wall,"
                    + " CPU per update: payer %.1f us, payee %.1f us%n", i + 1, signVerify[i], rawCpuUs[i], pair[i],
                    r.payerCpuNanos() / 1e3 / updates, r.payeeCpuNanos() / 1e3 / updates);
        }
        double raw = median(signVerify);
        double upd = median(pair);
        double busiest = median(busiestCpuUs);
        System.out.printf("median raw Ed25519 sign+verify (one thread): %.0f/s wall, %.1f us CPU%n", raw, median(rawCpuUs));
        System.out.printf("median two-way updates (sign+verify+persist, both parties, one pair): %.0f/s wall (target >= 5000)%n", upd);
        System.out.printf("CPU-bound rate with a free core per party: 1e6 / %.1f us = %.0f updates/s;"
                + " update cost / raw sign+verify cost = %.2f%n", busiest, 1e6 / busiest, busiest / median(rawCpuUs));
    }

    static PairRun.Result measurePair(Path base, int updates) throws Exception {
        Path dir = Files.createTempDirectory(base, "twoway-bench");
        try {
            return new PairRun(dir, Long.MAX_VALUE / 4).run(updates);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /** Raw BouncyCastle: one sign and one strict verify of a 124-byte state; returns {per second, CPU us each}. */
    static double[] rawSignVerify(int iterations) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        SoftwareSigner signer = Ed25519.generate(new SecureRandom());
        Ed25519Verifier verifier = Ed25519.verifier(signer.publicKey());
        byte[] msg = new byte[124];
        long ok = 0;
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            msg[i % msg.length] ^= (byte) i;
            if (verifier.verify(msg, signer.sign(msg))) {
                ok++;
            }
        }
        long nanos = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        if (ok != iterations) {
            throw new IllegalStateException("baseline verification failed");
        }
        return new double[] {iterations / (nanos / 1e9), cpu / 1e3 / iterations};
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
