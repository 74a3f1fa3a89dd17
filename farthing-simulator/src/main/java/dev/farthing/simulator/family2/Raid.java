package dev.farthing.simulator.family2;

import dev.farthing.contracts.payment.PaymentContext;

import java.util.random.RandomGenerator;

/**
 * One family-B attack campaign's means: how it hides its address (carrier NAT, rotating IPv6, hosting or a
 * fresh residential proxy per account), what telemetry its scripts send (one recorded human sample replayed,
 * a crude constant rhythm, or none), and its labelled payments.
 */
final class Raid {
    enum Cover { CARRIER, IPV6, HOSTING, PROXY }

    enum Script { REPLAY, CRUDE, NONE }

    final RandomGenerator r;
    final Knobs knobs;
    final Net net;
    final Shop shop;
    final Money money;
    final Region home;
    final Cover cover;
    final Script script;
    private final Wire wire;
    private final String scenario;
    private final String campaign;
    private final String ipv6Prefix;
    private PaymentContext.Telemetry recordedTouch;
    private PaymentContext.Telemetry recordedDesk;

    Raid(RandomGenerator r, Knobs knobs, Net net, Shop shop, Money money, Wire wire, String scenario, String campaign) {
        this.r = r;
        this.knobs = knobs;
        this.net = net;
        this.shop = shop;
        this.money = money;
        this.wire = wire;
        this.scenario = scenario;
        this.campaign = campaign;
        this.home = Region.pick(r);
        this.cover = Cover.values()[Shop.pickWeighted(r, 0.3, 0.25, 0.2, 0.25)];
        this.script = Script.values()[Shop.pickWeighted(r, 0.45, 0.25, 0.3)];
        this.ipv6Prefix = net.ipv6Prefix();
    }

    Dev dev(boolean touch) {
        return Dev.make(r, knobs, touch);
    }

    /** An address under this campaign's cover; IPv6 covers rotate inside one prefix. */
    String ip() {
        return switch (cover) {
            case CARRIER -> net.carrier(home);
            case IPV6 -> net.privacyAddress(ipv6Prefix);
            case HOSTING -> net.hosting();
            case PROXY -> net.publicV4();
        };
    }

    PaymentContext.Telemetry telemetry(Dev dev) {
        return switch (script) {
            case REPLAY -> {
                if (dev.touch()) {
                    recordedTouch = recordedTouch != null ? recordedTouch : Gestures.recorded(r, true);
                    yield recordedTouch;
                }
                recordedDesk = recordedDesk != null ? recordedDesk : Gestures.recorded(r, false);
                yield recordedDesk;
            }
            case CRUDE -> Gestures.crude(r, dev.touch());
            case NONE -> null;
        };
    }

    long seconds(double from, double to) {
        return Span.seconds(r.nextDouble(from, to));
    }

    /** Pays as an attacker-held account; {@code content} may be null. */
    boolean pay(long at, String account, long created, Dev dev, String ip, String card, String payee, long amount,
                String content, long started, PaymentContext.Telemetry telemetry) {
        return pay(at, account, created, dev, ip, home.code(), card, payee, amount, content, started, telemetry);
    }

    boolean pay(long at, String account, long created, Dev dev, String ip, String country, String card, String payee,
                long amount, String content, long started, PaymentContext.Telemetry telemetry) {
        Wire.Scene scene = new Wire.Scene(dev, ip, country, null, Ids.session(r), content, started, card, created, telemetry);
        return wire.pay(at, account, payee, amount, scene, scenario, campaign, null);
    }
}
