package dev.farthing.simulator;

import dev.farthing.simulator.attack.AttackPlan;
import dev.farthing.simulator.traffic.Emitter;
import dev.farthing.simulator.traffic.HumanTraffic;
import dev.farthing.simulator.world.Human;
import dev.farthing.simulator.world.World;

import java.util.SplittableRandom;

/**
 * Generates a labelled day (or more) of micropayment traffic from a seed: the world first, then each
 * person's traffic on their own random stream, then the attack campaigns. The same config always gives the
 * same records.
 */
public final class Simulator {
    private Simulator() {
    }

    public static Simulation run(SimulationConfig config) {
        SplittableRandom root = new SplittableRandom(config.seed());
        World world = World.build(config, root.split());
        Emitter out = new Emitter(config.seed(), config.currency(), config.warmupStartNanos(), config.endNanos());
        HumanTraffic humans = new HumanTraffic(world, out);
        SplittableRandom peopleRandom = root.split();
        for (Human h : world.humans()) {
            humans.generate(h, peopleRandom.split());
        }
        AttackPlan.run(world, out, root.split());
        return new Simulation(config, out.sorted());
    }
}
