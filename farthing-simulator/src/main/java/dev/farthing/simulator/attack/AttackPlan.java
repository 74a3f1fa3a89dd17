package dev.farthing.simulator.attack;

import dev.farthing.simulator.traffic.Emitter;
import dev.farthing.simulator.world.World;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Which campaigns run, and when: for every attack pattern a seed-dependent number of campaigns (more for
 * bigger populations, scaled by {@code attackScale}), each starting at a random point of the window and
 * named {@code <scenario>-<n>}.
 */
public final class AttackPlan {
    private static final List<Campaign> PATTERNS = List.of(new BotCampaign(), new AccountFarmCampaign(),
            new VelocityCampaign(), new ViewBotCampaign(), new CardTestingCampaign(), new MuleRingCampaign(),
            new AccountTakeoverCampaign());

    private AttackPlan() {
    }

    public static void run(World world, Emitter out, RandomGenerator.SplittableGenerator random) {
        double scale = world.config().attackScale() * world.variation().attackIntensity();
        boolean none = world.config().attackScale() == 0;
        if (none) {
            return;
        }
        long span = world.end() - world.start();
        for (Campaign pattern : PATTERNS) {
            int campaigns = Math.max(1, (int) Math.round((1 + random.nextInt(2 + world.config().users() / 1500)) * scale));
            for (int n = 1; n <= campaigns; n++) {
                RandomGenerator.SplittableGenerator own = random.split();
                long start = world.start() + (long) (own.nextDouble(0.05, 0.8) * span);
                Crew crew = new Crew(world, out, own, pattern.scenario(), pattern.scenario() + "-" + n);
                pattern.run(crew, start);
            }
        }
    }
}
