package dev.farthing.risk.features;

import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentContext.Geo;
import dev.farthing.contracts.payment.PaymentContext.Telemetry;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.Random;

/** A fluent builder of test payments; every optional context field starts absent. */
final class Payments {
    static final long S = 1_000_000_000L;
    /** A time on a day boundary (so also on every bucket boundary). */
    static final long T0 = 20_000L * 86_400 * S;

    private static int ids;
    private String payer = "alice";
    private String payee = "creator";
    private long amount = 100;
    private String device = "dev-1";
    private String ip = "10.0.0.1";
    private String country;
    private Geo geo;
    private String content;
    private long contentStarted = PaymentContext.UNKNOWN;
    private String instrument;
    private long created = PaymentContext.UNKNOWN;
    private Telemetry telemetry;

    static Payments pay(String payer, String payee) {
        Payments p = new Payments();
        p.payer = payer;
        p.payee = payee;
        return p;
    }

    Payments amount(long minor) { amount = minor; return this; }
    Payments device(String id) { device = id; return this; }
    Payments ip(String address) { ip = address; return this; }
    Payments country(String code) { country = code; return this; }
    Payments geo(double lat, double lon) { geo = new Geo(lat, lon); return this; }
    Payments content(String id, long startedAt) { content = id; contentStarted = startedAt; return this; }
    Payments instrument(String id) { instrument = id; return this; }
    Payments createdAt(long at) { created = at; return this; }
    Payments telemetry(Telemetry t) { telemetry = t; return this; }

    PaymentRequest build() {
        PaymentContext c = new PaymentContext(device, ip, country, geo, null, null, content, contentStarted,
                instrument, created, telemetry);
        return new PaymentRequest("p-" + (++ids), payer, payee, amount, "EUR", null, c);
    }

    /** Varied traffic over a small population, for determinism and snapshot tests. */
    static PaymentRequest random(Random r, long at) {
        Payments p = pay("u" + r.nextInt(60), "c" + r.nextInt(15)).amount(1 + r.nextInt(500))
                .device("d" + r.nextInt(40)).ip("ip" + r.nextInt(30));
        if (r.nextBoolean()) {
            p.country(r.nextBoolean() ? "FR" : "DE").geo(40 + r.nextDouble() * 10, r.nextDouble() * 10);
        }
        if (r.nextBoolean()) {
            p.content("a" + r.nextInt(20), at - r.nextInt(600) * S);
        }
        if (r.nextInt(3) == 0) {
            p.instrument("card" + r.nextInt(25));
        }
        if (r.nextBoolean()) {
            p.createdAt(at - r.nextInt(30) * 86_400L * S);
        }
        if (r.nextBoolean()) {
            p.telemetry(new Telemetry(new int[] {100 + r.nextInt(200), 120, 90 + r.nextInt(50)},
                    r.nextInt(50), r.nextDouble(), r.nextDouble() / 10));
        }
        return p.build();
    }

    static long seed() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        return seed;
    }
}
