package dev.farthing.simulator.family2;

import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.contracts.payment.PaymentContext;

import java.util.random.RandomGenerator;

/**
 * A family-B user's payments: sessions around a lunch and a late-evening peak in their own time zone; each
 * session unlocks a few posts (paid before reading, so consumption speed is near zero), watches a live stream
 * billed per segment, buys a bundle or leaves a typed tip of any amount. Some sessions are binges of dozens
 * of unlocks. First-time users pay within minutes of signing up, on a device nobody has seen.
 */
final class FanTraffic {
    private final Net net;
    private final Shop shop;
    private final Money money;
    private final Wire wire;

    FanTraffic(Net net, Shop shop, Money money, Wire wire) {
        this.net = net;
        this.shop = shop;
        this.money = money;
        this.wire = wire;
    }

    void generate(Fan fan, RandomGenerator r, long from, long to) {
        long offset = fan.region().utcOffsetMinutes() * Span.MINUTE;
        for (long day = Math.floorDiv(from, Span.DAY) - 1; day <= Math.floorDiv(to, Span.DAY) + 1; day++) {
            int sessions = poisson(r, fan.sessionsPerDay());
            for (int i = 0; i < sessions; i++) {
                long at = day * Span.DAY - offset + localMinute(r, fan.shiftMinutes()) * Span.MINUTE + r.nextLong(Span.MINUTE);
                if (at >= fan.createdAtNanos() && wire.open(at)) {
                    session(fan, at, r, false);
                }
            }
        }
        if (fan.createdAtNanos() >= from) {
            session(fan, fan.createdAtNanos() + Span.seconds(r.nextDouble(20, 900)), r, true);
        }
    }

    static int poisson(RandomGenerator r, double mean) {
        int k = 0;
        double p = Math.exp(-Math.min(mean, 60));
        double s = r.nextDouble();
        while (s > p && k < 200) {
            s *= r.nextDouble();
            k++;
        }
        return k;
    }

    /** Minute of the local day: 35% around 12:30, 50% around 21:30, the rest at any time. */
    private static int localMinute(RandomGenerator r, int shift) {
        double x = r.nextDouble();
        double m = x < 0.35 ? 750 + r.nextGaussian() * 60 : x < 0.85 ? 1290 + r.nextGaussian() * 110 : r.nextDouble(1440);
        return Math.floorMod((int) m + shift, 1440);
    }

    private void session(Fan fan, long at, RandomGenerator r, boolean first) {
        Dev dev = first ? fan.devices().getFirst() : fan.devices().get(r.nextInt(fan.devices().size()));
        String ip = ip(fan, dev, at, r);
        double[] geo = dev.touch() && r.nextDouble() < 0.5 ? new double[]{fan.lat() + r.nextGaussian() * 0.02,
                fan.lon() + r.nextGaussian() * 0.02} : null;
        String session = Ids.session(r);
        Shop.Creator creator = r.nextDouble() < 0.7 ? fan.follows().get(r.nextInt(fan.follows().size())) : shop.popular(r, at);
        if (creator.joinsAtNanos() > at) {
            creator = shop.popular(r, at);
        }
        Ctx c = new Ctx(fan, dev, ip, geo, session, r);
        double x = r.nextDouble();
        if (creator.kind() == Shop.Kind.STREAM && x < fan.streamLikelihood() * 2) {
            stream(c, creator, at);
        } else if (creator.kind() == Shop.Kind.TIP_JAR || x < fan.tipLikelihood() * 0.3) {
            tip(c, creator, at);
        } else if (creator.kind() == Shop.Kind.BUNDLES) {
            pay(c, creator, at, creator.unit(), creator.item(r), at - Span.seconds(r.nextDouble(5, 120)), false);
        } else {
            posts(c, creator.kind() == Shop.Kind.POSTS ? creator : shop.popular(r, at), at, r.nextDouble() < fan.bingeLikelihood());
        }
    }

    private String ip(Fan fan, Dev dev, long at, RandomGenerator r) {
        int localHour = (int) Math.floorMod(at / Span.HOUR + fan.region().utcOffsetMinutes() / 60, 24);
        if (fan.officeIp() != null && !dev.touch() && localHour >= 9 && localHour < 18 && r.nextDouble() < 0.8) {
            return fan.officeIp();
        }
        if (dev.touch() && r.nextDouble() < (localHour >= 20 || localHour < 8 ? 0.35 : 0.7)) {
            return r.nextDouble() < 0.05 ? net.cafe() : net.carrier(fan.region());
        }
        return fan.ipv6Prefix() != null ? net.privacyAddress(fan.ipv6Prefix()) : fan.homeIp();
    }

    private record Ctx(Fan fan, Dev dev, String ip, double[] geo, String session, RandomGenerator r) {
    }

    private void posts(Ctx c, Shop.Creator creator, long at, boolean binge) {
        int n = binge ? 15 + c.r.nextInt(70) : 1 + (int) (c.r.nextExponential() * 2.5);
        long t = at;
        for (int i = 0; i < n; i++) {
            pay(c, creator, t, creator.unit(), creator.item(c.r), t - Span.seconds(c.r.nextDouble(0, 2.5)), false);
            t += Span.seconds(binge ? c.r.nextDouble(4, 45) : Math.exp(c.r.nextDouble(Math.log(15), Math.log(600))));
            if (c.r.nextDouble() < 0.15) {
                creator = shop.popular(c.r, t);
                if (creator.kind() != Shop.Kind.POSTS) {
                    return;
                }
            }
        }
    }

    private void stream(Ctx c, Shop.Creator creator, long at) {
        int segments = 4 + (int) (c.r.nextExponential() * 60 * Span.SECOND / creator.segmentNanos() * 8);
        String item = creator.item(c.r);
        for (int i = 0; i < Math.min(segments, 600); i++) {
            long t = at + i * creator.segmentNanos() + c.r.nextLong(Span.SECOND / 4);
            pay(c, creator, t, creator.unit(), item, at, false);
        }
    }

    private void tip(Ctx c, Shop.Creator creator, long at) {
        double suggested = creator.kind() == Shop.Kind.TIP_JAR ? creator.unit() / Math.pow(10, money.scale()) : 1.0;
        double amount = c.r.nextDouble() < 0.6 ? suggested * (1 + c.r.nextInt(3)) : suggested * Math.exp(c.r.nextGaussian() * 0.8);
        pay(c, creator, at, money.cents(Math.min(amount, 50)), null, PaymentContext.UNKNOWN, true);
    }

    private void pay(Ctx c, Shop.Creator creator, long at, long amount, String content, long started, boolean typed) {
        PaymentContext.Telemetry telemetry = Gestures.human(c.r, c.dev.touch(), typed);
        Wire.Scene scene = new Wire.Scene(c.dev, c.ip, c.fan.region().code(), c.geo, c.session, content, started,
                c.fan.card(), c.fan.createdAtNanos(), telemetry);
        wire.pay(at, c.fan.account(), creator.id(), amount, scene, PaymentRecord.LEGIT, null, null);
    }
}
