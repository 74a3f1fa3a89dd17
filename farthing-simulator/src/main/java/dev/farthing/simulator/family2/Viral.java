package dev.farthing.simulator.family2;

import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.contracts.payment.PaymentContext;

import java.util.random.RandomGenerator;

/**
 * A creator goes viral: hundreds of people who never used the platform sign up within the hour, mostly on
 * phones behind the same carrier NAT of one country, and pay that one creator (a tip or an unlock, some a
 * few). Every one is a real person with their own device and card; the evaluation reports them as the cohort
 * {@code viral-N}, and they must not be punished.
 */
final class Viral {
    private Viral() {
    }

    static void burst(int n, RandomGenerator r, Knobs k, Net net, Shop shop, Money money, Wire wire, long at) {
        Shop.Creator star = r.nextBoolean() ? shop.tail(r, Shop.Kind.TIP_JAR) : shop.tail(r, Shop.Kind.POSTS);
        Region home = Region.pick(r);
        int fans = k.viralFansMin() + r.nextInt(Math.max(1, k.viralFansMax() - k.viralFansMin()));
        double spreadMinutes = r.nextDouble(3, 25);
        String cohort = "viral-" + n;
        for (int i = 0; i < fans; i++) {
            Region region = r.nextDouble() < 0.75 ? home : Region.pick(r);
            long arrive = at + Span.seconds(r.nextExponential() * spreadMinutes * 60);
            long created = arrive - Span.seconds(r.nextDouble(20, 300));
            Dev dev = Dev.make(r, k, r.nextDouble() < 0.85);
            double x = r.nextDouble();
            String ip = dev.touch() && x < 0.7 ? net.carrier(region)
                    : x < 0.85 ? net.privacyAddress(net.ipv6Prefix()) : x < 0.9 ? net.lan() : net.publicV4();
            String account = Ids.account(r);
            String card = Ids.card(r);
            String session = Ids.session(r);
            double[] geo = dev.touch() && r.nextBoolean() ? region.near(r, 0.3) : null;
            int payments = r.nextDouble() < 0.7 ? 1 : 2 + r.nextInt(4);
            long t = arrive;
            for (int p = 0; p < payments; p++) {
                boolean tip = star.kind() == Shop.Kind.TIP_JAR || r.nextDouble() < 0.3;
                long amount = tip ? money.cents(star.kind() == Shop.Kind.TIP_JAR
                        ? star.unit() / Math.pow(10, money.scale()) * (1 + r.nextInt(3)) : r.nextDouble(0.5, 5)) : star.unit();
                String content = tip ? null : star.item(r);
                Wire.Scene scene = new Wire.Scene(dev, ip, region.code(), geo, session, content,
                        tip ? PaymentContext.UNKNOWN : t - Span.seconds(r.nextDouble(0, 2)), card, created,
                        Gestures.human(r, dev.touch(), tip));
                wire.pay(t, account, star.id(), amount, scene, PaymentRecord.LEGIT, null, cohort);
                t += Span.seconds(Math.exp(r.nextDouble(Math.log(20), Math.log(1200))));
            }
        }
    }
}
