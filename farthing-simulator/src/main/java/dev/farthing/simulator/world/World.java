package dev.farthing.simulator.world;

import dev.farthing.simulator.SimulationConfig;

import java.util.List;
import java.util.random.RandomGenerator;

/** Everything shared by legitimate and attack traffic: the people, the payees and the networks. */
public record World(SimulationConfig config, Variation variation, Ids ids, IpSpace ips, Devices devices, Pricing pricing,
                    Catalog catalog, List<Human> humans) {

    public long start() {
        return config.startNanos();
    }

    public long end() {
        return config.endNanos();
    }

    /** People whose accounts existed before the window and who are active enough to have a history. */
    public List<Human> established() {
        return humans.stream().filter(h -> h.createdAtNanos() < start() && h.sessionsPerDay() >= 1.5).toList();
    }

    public static World build(SimulationConfig config, RandomGenerator random) {
        Variation variation = Variation.draw(random);
        Ids ids = new Ids(random);
        Pricing pricing = new Pricing(config.scale());
        IpSpace ips = new IpSpace(random, config.users(), variation.usersPerCarrierAddress());
        Devices devices = new Devices(ids);
        Catalog catalog = new Catalog(random, ids, pricing, config.users(), variation.priceScale());
        List<Human> humans = new Population(config, variation, random, ids, ips, devices, catalog).build();
        return new World(config, variation, ids, ips, devices, pricing, catalog, humans);
    }
}
