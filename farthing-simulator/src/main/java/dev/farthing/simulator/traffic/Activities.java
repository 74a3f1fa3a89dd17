package dev.farthing.simulator.traffic;

import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.simulator.world.Catalog;
import dev.farthing.simulator.world.Payee;
import dev.farthing.simulator.world.Pricing;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What people do in a session, payment by payment: read articles (sometimes binge-reading dozens quickly),
 * watch video billed per minute (metronome-regular, like a bot), buy game items (sometimes a spree), tip.
 * Each method starts at {@code t} (ns) and returns when the activity ends.
 */
final class Activities {
    static final long SECOND = 1_000_000_000L;
    /** Tips and game items have no content start time. */
    private static final long NO_START = PaymentContext.UNKNOWN;
    private final Emitter out;
    private final Catalog catalog;
    private final Pricing pricing;
    private final RandomGenerator random;

    Activities(Emitter out, Catalog catalog, Pricing pricing, RandomGenerator random) {
        this.out = out;
        this.catalog = catalog;
        this.pricing = pricing;
        this.random = random;
    }

    long reading(Session s, long t) {
        boolean binge = random.nextDouble() < 0.06;
        int articles = binge ? 12 + random.nextInt(30) : 1 + (int) (random.nextExponential() * 2.5);
        for (int i = 0; i < articles; i++) {
            Payee pub = random.nextDouble() < 0.7 ? pick(s.human().favourites().publishers())
                    : catalog.popular(Payee.Kind.PUBLISHER, random);
            double dwell = pub.chargesOnOpen() ? random.nextDouble(0.2, 1.5)
                    : binge ? random.nextDouble(1.5, 8) : Math.exp(random.nextGaussian() * 0.7 + Math.log(12));
            long paid = t + (long) (dwell * SECOND);
            pay(s, paid, pub, pub.price(), pub.content(random), t, false);
            double reading = binge ? random.nextDouble(4, 40) : Math.exp(random.nextGaussian() * 0.8 + Math.log(110));
            t = paid + (long) (reading * SECOND);
        }
        return t;
    }

    long video(Session s, long t) {
        int videos = 1 + (random.nextDouble() < 0.3 ? random.nextInt(3) : 0);
        for (int v = 0; v < videos; v++) {
            Payee channel = random.nextDouble() < 0.75 ? pick(s.human().favourites().channels())
                    : catalog.popular(Payee.Kind.CHANNEL, random);
            String content = channel.content(random);
            int minutes = (int) Math.min(95, 1 + Math.exp(random.nextGaussian() * 0.9 + Math.log(6)));
            long started = t;
            for (int m = 1; m <= minutes; m++) {
                long at = started + m * 60 * SECOND + (long) (random.nextGaussian() * 0.25 * SECOND);
                pay(s, at, channel, channel.price(), content, started, false);
            }
            t = started + minutes * 60 * SECOND + (long) (random.nextDouble(5, 90) * SECOND);
        }
        return t;
    }

    long game(Session s, long t) {
        Payee game = random.nextDouble() < 0.8 ? s.human().favourites().game() : catalog.popular(Payee.Kind.GAME, random);
        boolean spree = random.nextDouble() < 0.1;
        int items = spree ? 8 + random.nextInt(20) : 1 + random.nextInt(3);
        t += (long) (random.nextDouble(30, 600) * SECOND);
        for (int i = 0; i < items; i++) {
            long price = random.nextDouble() < 0.7 ? game.price() : pricing.units(new double[]{0.99, 1.99, 4.99}[random.nextInt(3)]);
            pay(s, t, game, price, game.content(random), NO_START, random.nextDouble() < 0.1);
            t += (long) ((spree ? random.nextDouble(3, 25) : random.nextDouble(20, 400)) * SECOND);
        }
        return t;
    }

    long tip(Session s, long t) {
        Payee creator = random.nextDouble() < 0.85 ? pick(s.human().favourites().creators())
                : catalog.popular(Payee.Kind.CREATOR, random);
        double[] amounts = {0.1, 0.25, 0.5, 1, 1, 2, 5};
        long at = t + (long) (random.nextDouble(5, 60) * SECOND);
        pay(s, at, creator, pricing.units(amounts[random.nextInt(amounts.length)]), creator.content(random),
                NO_START, random.nextDouble() < 0.6);
        return at;
    }

    private void pay(Session s, long at, Payee payee, long amount, String content, long started, boolean typed) {
        ContextBuilder c = s.context(random, typed);
        if (content != null) {
            c.content(content, started);
        }
        out.pay(at, s.human().account(), payee.id(), amount, c.build(), PaymentRecord.LEGIT, null);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
