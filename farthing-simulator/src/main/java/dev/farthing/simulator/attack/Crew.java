package dev.farthing.simulator.attack;

import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.simulator.traffic.ContextBuilder;
import dev.farthing.simulator.traffic.Emitter;
import dev.farthing.simulator.traffic.TelemetryStyle;
import dev.farthing.simulator.world.Country;
import dev.farthing.simulator.world.Device;
import dev.farthing.simulator.world.World;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The resources of one campaign and how it pays: accounts, devices, addresses and cards drawn from the same
 * id spaces as real people's, a {@code stealth} level (0..1, drawn per campaign) that decides how human its
 * scripts try to look, and every payment labelled with the campaign.
 */
final class Crew {
    static final long SECOND = 1_000_000_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    final World world;
    final RandomGenerator random;
    final double stealth;
    final Country home;
    private final Emitter out;
    private final String scenario;
    private final String campaign;
    private int paid;

    Crew(World world, Emitter out, RandomGenerator random, String scenario, String campaign) {
        this.world = world;
        this.out = out;
        this.random = random;
        this.scenario = scenario;
        this.campaign = campaign;
        this.stealth = random.nextDouble();
        this.home = Country.pick(random);
    }

    /** A fresh account created at {@code createdAt}. */
    String account() {
        return world.ids().account();
    }

    List<Device> devices(int n, Device.Kind kind) {
        List<Device> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Device.Kind k = kind != null ? kind : random.nextBoolean() ? Device.Kind.PHONE : Device.Kind.DESKTOP;
            list.add(world.devices().scripted(k, random, random.nextDouble() < stealth));
        }
        return list;
    }

    /** Addresses: hosting ranges for careless crews, residential proxies (or VPN exits) for careful ones. */
    String ip() {
        if (random.nextDouble() >= stealth) {
            return world.ips().dataCentre();
        }
        return random.nextDouble() < 0.2 ? world.ips().vpnExit() : world.ips().residential(home);
    }

    List<String> ips(int n) {
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(ip());
        }
        return list;
    }

    List<String> instruments(int n) {
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(world.ids().instrument());
        }
        return list;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    long between(double fromSeconds, double toSeconds) {
        return (long) (random.nextDouble(fromSeconds, toSeconds) * SECOND);
    }

    /** Scripted telemetry, or none at all for the most careful crews (as some real clients send none). */
    PaymentContext.Telemetry scriptedTelemetry(Device device) {
        if (stealth > 0.7 && random.nextDouble() < 0.5) {
            return null;
        }
        return TelemetryStyle.scripted(device, stealth, random);
    }

    PaymentContext.Telemetry humanTelemetry(Device device, boolean typed) {
        return TelemetryStyle.human(device, typed, random);
    }

    /** Pays as {@code actor}; content may be null. Returns whether the payment fell inside the window. */
    boolean pay(long at, Actor actor, String payee, long amount, String content, long contentStarted,
                PaymentContext.Telemetry telemetry) {
        ContextBuilder c = new ContextBuilder(actor.device(), actor.ip(), actor.country().code())
                .instrument(actor.instrument()).created(actor.createdAtNanos()).telemetry(telemetry);
        if (content != null) {
            c.content(content, contentStarted);
        }
        boolean kept = out.pay(at, actor.account(), payee, amount, c.build(), scenario, campaign);
        if (kept) {
            paid++;
        }
        return kept;
    }

    int paid() {
        return paid;
    }
}
