package dev.farthing.bench.jmh;

import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.customers.vault.Pseudonyms;
import dev.farthing.server.http.PaymentGate;
import dev.farthing.server.http.risk.PaymentPseudonyms;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What pseudonymisation adds to a payment at the server boundary: device id, IP (with its address class),
 * session and instrument replaced by keyed HMAC-SHA256 tokens ({@code pseudonymise}), against the same copy of
 * the payment with the open gate that keeps values ({@code baseline}), in the same run. Sample time: JMH reports
 * p50 and p99 per payment.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PseudonymiseBench {
    private static final int PAYMENTS = 1 << 12;
    private PaymentRequest[] payments;
    private PaymentGate tokens;
    private int next;

    @Setup
    public void setup() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Pseudonyms ps = new Pseudonyms(key);
        tokens = new PaymentGate() {
            @Override
            public Ticket admit(String k, String debitAccount, String currency, long amount) {
                return Ticket.FREE;
            }

            @Override
            public void settle(Ticket ticket, boolean moved) {
            }

            @Override
            public String pseudonym(String kind, String value) {
                return ps.signal(kind, value);
            }
        };
        Random r = new Random(7);
        payments = new PaymentRequest[PAYMENTS];
        for (int i = 0; i < PAYMENTS; i++) {
            String ip = r.nextInt(4) == 0 ? "2001:db8:" + Integer.toHexString(r.nextInt(65536)) + "::" + Integer.toHexString(1 + r.nextInt(65535))
                    : (r.nextBoolean() ? "100.64." : "198.51.") + r.nextInt(256) + "." + r.nextInt(256);
            PaymentContext c = new PaymentContext("dev-" + r.nextInt(15_000), ip, "FR", null, "Mozilla/5.0",
                    "s-" + r.nextLong(), "article-" + r.nextInt(5_000), PaymentContext.UNKNOWN,
                    r.nextInt(3) == 0 ? "card-" + r.nextInt(12_000) : null, PaymentContext.UNKNOWN, null);
            payments[i] = new PaymentRequest("p-" + i, "user-" + r.nextInt(20_000), "creator-" + r.nextInt(2_000),
                    1 + r.nextInt(300), "EUR", null, c);
        }
    }

    @Benchmark
    public PaymentRequest pseudonymise() {
        return PaymentPseudonyms.pseudonymise(payments[next++ & (PAYMENTS - 1)], tokens);
    }

    @Benchmark
    public PaymentRequest baseline() {
        return PaymentPseudonyms.pseudonymise(payments[next++ & (PAYMENTS - 1)], PaymentGate.OPEN);
    }
}
