package dev.farthing.bench.jmh;

import dev.farthing.channel.protocol.Claim;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.Ed25519Verifier;
import dev.farthing.keys.SoftwareSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * Claim verification on both cores against its physical limit: {@code bcRawVerify} is BouncyCastle's bare
 * RFC 8032 Ed25519 verify of the same 44-byte message (the baseline); {@code claimVerifyCached} is what the
 * channel service does per claim (build the XRPL claim bytes, strict checks, verify with the channel's key
 * decoded once); {@code claimVerifyStrict} decodes the key every time. Each thread verifies claims of its own
 * channel, 64 distinct signed amounts round-robin. Scores are verifications per second, summed over threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
public class ClaimVerifyBench {

    @State(Scope.Thread)
    public static class Channel {
        final byte[] id = new byte[32];
        final long[] amounts = new long[64];
        final byte[][] messages = new byte[64][];
        final byte[][] signatures = new byte[64][];
        byte[] publicKey;
        Ed25519Verifier verifier;
        int next;

        @Setup
        public void setup() {
            SecureRandom random = new SecureRandom();
            random.nextBytes(id);
            SoftwareSigner payer = Ed25519.generate(random);
            publicKey = payer.publicKey();
            verifier = Ed25519.verifier(publicKey);
            for (int i = 0; i < amounts.length; i++) {
                amounts[i] = 1_000L * (i + 1);
                messages[i] = new Claim(id, amounts[i]).bytes();
                signatures[i] = payer.sign(messages[i]);
            }
        }

        int next() {
            next = (next + 1) & 63;
            return next;
        }
    }

    @Benchmark
    public boolean bcRawVerify(Channel c) {
        int i = c.next();
        byte[] m = c.messages[i];
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(c.signatures[i], 0, c.publicKey, 0, m, 0, m.length);
    }

    @Benchmark
    public boolean claimVerifyCached(Channel c) {
        int i = c.next();
        return c.verifier.verify(Claim.signable(c.id, c.amounts[i]), c.signatures[i]);
    }

    @Benchmark
    public boolean claimVerifyStrict(Channel c) {
        int i = c.next();
        return new Claim(c.id, c.amounts[i]).verify(c.publicKey, c.signatures[i]);
    }
}
