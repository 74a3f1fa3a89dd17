package dev.farthing.simulator.family2;

import dev.farthing.contracts.payment.PaymentContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Family B's versions of the seven attack scenarios. They differ from family A's in timing (jittered, not
 * metronomic; slow and sustained, not bursts), in which identifiers they reuse (a farm shares cards, not
 * devices; card testers rotate accounts with one card each on a few devices; view bots share devices across
 * accounts) and in amounts (free-form tips, escalating probes, drained bundles), so that no one tell carries
 * a scenario.
 */
final class Raids {
    private Raids() {
    }

    /** Aged accounts (one device each, funded by a shared card) unlocking posts around the clock with jittered gaps. */
    static void bot(Raid g, long start) {
        String card = Ids.card(g.r);
        List<Shop.Creator> targets = targets(g, 3 + g.r.nextInt(10));
        double meanGap = g.r.nextDouble(12, 90);
        double sigma = g.r.nextDouble(0.35, 0.9);
        for (int a = 0, n = 1 + g.r.nextInt(4); a < n; a++) {
            String account = Ids.account(g.r);
            long created = start - Span.seconds(g.r.nextDouble(10, 300) * 86_400);
            Dev dev = g.dev(g.r.nextDouble() < 0.5);
            String ip = g.ip();
            long t = start + g.seconds(0, 1800);
            long end = t + g.seconds(4 * 3600, 16 * 3600);
            while (t < end) {
                Shop.Creator c = targets.get(g.r.nextInt(targets.size()));
                String item = c.item(g.r);
                g.pay(t, account, created, dev, ip, card, c.id(), c.unit(), item, t - g.seconds(0.3, 3), g.telemetry(dev));
                t += Span.seconds(meanGap * Math.exp(g.r.nextGaussian() * sigma - sigma * sigma / 2));
                if (g.cover == Raid.Cover.IPV6 && g.r.nextDouble() < 0.1) {
                    ip = g.ip();
                }
            }
        }
    }

    /** Freshly made accounts on their own devices, sharing a few cards, tipping one new creator. */
    static void accountFarm(Raid g, long start) {
        List<String> cards = new ArrayList<>();
        for (int i = 0, n = 1 + g.r.nextInt(4); i < n; i++) {
            cards.add(Ids.card(g.r));
        }
        List<String> payees = List.of(Ids.creator(g.r), Ids.creator(g.r));
        long span = g.seconds(1800, 7200);
        for (int a = 0, n = (int) ((20 + g.r.nextInt(70)) * Math.min(1.5, g.knobs.attackIntensity())); a < n; a++) {
            long t = start + (long) (g.r.nextDouble() * span);
            long created = t - g.seconds(30, 600);
            String account = Ids.account(g.r);
            Dev dev = g.dev(g.r.nextDouble() < 0.8);
            String ip = g.ip();
            String card = cards.get(g.r.nextInt(cards.size()));
            for (int p = 0, m = 1 + g.r.nextInt(6); p < m; p++) {
                g.pay(t, account, created, dev, ip, card, payees.get(g.r.nextInt(payees.size())),
                        g.money.cents(g.r.nextDouble(0.5, 8)), null, PaymentContext.UNKNOWN, g.telemetry(dev));
                t += g.seconds(60, 1200);
            }
        }
    }

    /** A slow, sustained climb: irregular gaps, amounts escalating, many payees, a rotating address. */
    static void velocity(Raid g, long start) {
        for (int a = 0, n = 1 + g.r.nextInt(3); a < n; a++) {
            String account = Ids.account(g.r);
            long created = start - Span.seconds(g.r.nextBoolean() ? g.r.nextDouble(600, 86_400) : g.r.nextDouble(5, 200) * 86_400);
            Dev dev = g.dev(g.r.nextBoolean());
            String card = Ids.card(g.r);
            String ip = g.ip();
            long t = start + g.seconds(0, 3600);
            int payments = 15 + g.r.nextInt(46);
            double from = g.r.nextDouble(0.3, 2);
            double to = from * g.r.nextDouble(4, 15);
            for (int p = 0; p < payments; p++) {
                double amount = from * Math.pow(to / from, (double) p / payments);
                Shop.Creator c = g.shop.popular(g.r, t);
                g.pay(t, account, created, dev, ip, card, c.id(), g.money.cents(amount), null, PaymentContext.UNKNOWN, g.telemetry(dev));
                t += g.seconds(4, 60);
                if (p % (3 + g.r.nextInt(6)) == 0) {
                    ip = g.ip();
                }
            }
        }
    }

    /** Sock accounts, several per device, watching one small creator's streams segment by segment for hours. */
    static void viewBot(Raid g, long start) {
        Shop.Creator target = g.shop.tail(g.r, g.r.nextBoolean() ? Shop.Kind.STREAM : Shop.Kind.POSTS);
        int accounts = 25 + g.r.nextInt(96);
        int perDevice = 3 + g.r.nextInt(6);
        Dev dev = null;
        long hours = g.seconds(2 * 3600, 10 * 3600);
        for (int a = 0; a < accounts; a++) {
            if (a % perDevice == 0) {
                dev = g.dev(g.r.nextDouble() < 0.6);
            }
            String account = Ids.account(g.r);
            long created = start - g.seconds(3600, 60 * 86_400);
            String card = Ids.card(g.r);
            String ip = g.ip();
            long t = start + (long) (g.r.nextDouble() * hours);
            long segment = target.kind() == Shop.Kind.STREAM ? target.segmentNanos() : g.seconds(8, 40);
            String item = target.item(g.r);
            for (int s = 0, n = 5 + g.r.nextInt(40); s < n; s++) {
                long at = t + s * segment + g.r.nextLong(Span.SECOND);
                g.pay(at, account, created, dev, ip, card, target.id(), target.unit(), item,
                        target.kind() == Shop.Kind.STREAM ? t : at - g.seconds(0.2, 2), g.telemetry(dev));
            }
        }
    }

    /** One fresh card per fresh account, a few devices reused by all of them, odd tiny amounts. */
    static void cardTesting(Raid g, long start) {
        List<Dev> devices = new ArrayList<>();
        for (int i = 0, n = 1 + g.r.nextInt(3); i < n; i++) {
            devices.add(g.dev(g.r.nextBoolean()));
        }
        long t = start;
        for (int a = 0, n = 15 + g.r.nextInt(86); a < n; a++) {
            String account = Ids.account(g.r);
            long created = t - g.seconds(5, 600);
            Dev dev = devices.get(g.r.nextInt(devices.size()));
            String card = Ids.card(g.r);
            String ip = g.ip();
            for (int p = 0, m = 1 + g.r.nextInt(3); p < m; p++) {
                Shop.Creator c = g.r.nextBoolean() ? g.shop.popular(g.r, t) : g.shop.tail(g.r, Shop.Kind.TIP_JAR);
                g.pay(t, account, created, dev, ip, card, c.id(), 1 + g.r.nextInt(60), null, PaymentContext.UNKNOWN, g.telemetry(dev));
                t += g.seconds(2, 40);
            }
            t += g.seconds(10, 120);
        }
    }

    /** Aged accounts passing money round a long loop, a few percent lighter each hop, with long delays. */
    static void muleRing(Raid g, long start) {
        int size = 4 + g.r.nextInt(6);
        List<String> ring = new ArrayList<>();
        List<Dev> devs = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ring.add(Ids.account(g.r));
            devs.add(g.dev(g.r.nextBoolean()));
            ips.add(g.ip());
            cards.add(Ids.card(g.r));
        }
        long created = start - g.seconds(30 * 86_400, 400 * 86_400);
        double amount = g.r.nextDouble(5, 40);
        long t = start;
        for (int round = 0, rounds = 2 + g.r.nextInt(5); round < rounds; round++) {
            for (int i = 0; i < size; i++) {
                Dev dev = devs.get(i);
                g.pay(t, ring.get(i), created, dev, ips.get(i), cards.get(i), ring.get((i + 1) % size), g.money.cents(amount),
                        null, PaymentContext.UNKNOWN, g.telemetry(dev));
                amount *= g.r.nextDouble(0.94, 0.98);
                t += g.seconds(300, 5400);
            }
            amount = g.r.nextDouble(5, 40);
        }
    }

    /** An established fan's account, same country, an ordinary-looking new device, draining into new creators. */
    static void accountTakeover(Raid g, long start, List<Fan> fans) {
        List<Fan> established = fans.stream().filter(f -> f.createdAtNanos() < start - 30 * Span.DAY && f.sessionsPerDay() >= 1).toList();
        if (established.isEmpty()) {
            return;
        }
        Fan victim = established.get(g.r.nextInt(established.size()));
        Region where = g.r.nextDouble() < 0.8 ? victim.region() : victim.region().elsewhere(g.r);
        Dev dev = g.dev(g.r.nextDouble() < 0.6);
        String ip = g.r.nextDouble() < 0.6 ? g.net.carrier(where) : g.ip();
        List<String> cashOut = List.of(Ids.creator(g.r), Ids.creator(g.r));
        long t = start;
        for (int p = 0, n = 6 + g.r.nextInt(35); p < n; p++) {
            boolean hide = g.r.nextDouble() < 0.3;
            String payee = hide ? g.shop.popular(g.r, t).id() : cashOut.get(g.r.nextInt(2));
            long amount = g.r.nextBoolean() ? g.money.units(g.r.nextBoolean() ? 2.49 : 4.99) : g.money.cents(g.r.nextDouble(3, 20));
            g.pay(t, victim.account(), victim.createdAtNanos(), dev, ip, where.code(), victim.card(), payee, amount, null,
                    PaymentContext.UNKNOWN, g.script == Raid.Script.NONE ? null : Gestures.human(g.r, dev.touch(), true));
            t += g.seconds(30, 300);
        }
    }

    private static List<Shop.Creator> targets(Raid g, int n) {
        List<Shop.Creator> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(g.shop.tail(g.r, g.r.nextBoolean() ? Shop.Kind.POSTS : Shop.Kind.STREAM));
        }
        return out;
    }
}
