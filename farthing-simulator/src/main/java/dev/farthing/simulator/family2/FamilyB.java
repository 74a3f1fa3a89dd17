package dev.farthing.simulator.family2;

import dev.farthing.simulator.Simulation;
import dev.farthing.simulator.SimulationConfig;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * Traffic family B: a second, independently written world (a creator platform with post unlocks, live
 * streams billed per segment, bundles and free-form tips) with its own people, networks, client levels,
 * viral bursts and attack variants. Only the output types (labelled {@code PaymentRecord}s of
 * {@code PaymentRequest}s) are shared with family A. Every world parameter is drawn from the seed
 * ({@link Knobs}).
 */
public final class FamilyB {
    private static final List<String> SCENARIOS = List.of("bot", "account_farm", "velocity", "view_bot",
            "card_testing", "mule_ring", "account_takeover");

    private FamilyB() {
    }

    public static Simulation run(SimulationConfig config) {
        SplittableRandom root = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        Knobs knobs = Knobs.draw(root.split());
        Money money = new Money(config.scale());
        long from = config.warmupStartNanos();
        long start = config.startNanos();
        long end = config.endNanos();
        SplittableRandom worldRandom = root.split();
        Net net = new Net(worldRandom, config.users(), knobs);
        Shop shop = new Shop(worldRandom, knobs, money, config.users(), start, end);
        List<Fan> fans = Fans.build(worldRandom, knobs, net, shop, config.users(), start, end);
        Wire wire = new Wire(config.seed(), config.currency(), from, end);
        FanTraffic traffic = new FanTraffic(net, shop, money, wire);
        SplittableRandom people = root.split();
        for (Fan f : fans) {
            traffic.generate(f, people.split(), from, end);
        }
        SplittableRandom viral = root.split();
        for (int i = 1; i <= knobs.viralBursts(); i++) {
            Viral.burst(i, viral.split(), knobs, net, shop, money, wire, start + (long) (viral.nextDouble(0.05, 0.85) * (end - start)));
        }
        if (config.attackScale() > 0) {
            attacks(config, root.split(), knobs, net, shop, money, wire, fans);
        }
        return new Simulation(config, wire.sorted(), wire.cohorts());
    }

    private static void attacks(SimulationConfig config, SplittableRandom random, Knobs knobs, Net net, Shop shop,
                                Money money, Wire wire, List<Fan> fans) {
        long start = config.startNanos();
        long span = config.endNanos() - start;
        for (String scenario : SCENARIOS) {
            BiConsumer<Raid, Long> play = switch (scenario) {
                case "bot" -> Raids::bot;
                case "account_farm" -> Raids::accountFarm;
                case "velocity" -> Raids::velocity;
                case "view_bot" -> Raids::viewBot;
                case "card_testing" -> Raids::cardTesting;
                case "mule_ring" -> Raids::muleRing;
                default -> (g, at) -> Raids.accountTakeover(g, at, fans);
            };
            double mean = (1 + config.users() / 2000.0) * knobs.attackIntensity() * config.attackScale();
            int campaigns = Math.max(1, (int) Math.round(mean * random.nextDouble(0.6, 1.6)));
            for (int n = 1; n <= campaigns; n++) {
                SplittableRandom own = random.split();
                Raid raid = new Raid(own, knobs, net, shop, money, wire, scenario, scenario + "-b" + n);
                play.accept(raid, start + (long) (own.nextDouble(0.05, 0.8) * span));
            }
        }
    }
}
