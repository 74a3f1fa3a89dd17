package dev.farthing.simulator.attack;

import dev.farthing.simulator.world.Device;
import dev.farthing.simulator.world.Payee;

import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic consumption: scripted accounts "read" articles and "watch" video at inhuman speed with
 * metronome timing, each from its own emulator or headless browser, from hosting ranges or proxies.
 */
final class BotCampaign implements Campaign {

    @Override
    public String scenario() {
        return "bot";
    }

    @Override
    public void run(Crew crew, long start) {
        int bots = 2 + crew.random.nextInt(18);
        boolean aged = crew.random.nextBoolean();
        List<Payee> targets = new ArrayList<>();
        for (int i = 0; i < 3 + crew.random.nextInt(25); i++) {
            Payee.Kind kind = crew.random.nextDouble() < 0.7 ? Payee.Kind.PUBLISHER : Payee.Kind.CHANNEL;
            targets.add(crew.world.catalog().popular(kind, crew.random));
        }
        String sharedIp = crew.random.nextBoolean() ? crew.ip() : null;
        for (int b = 0; b < bots; b++) {
            long created = aged ? start - (long) (crew.random.nextDouble(20, 400) * Crew.DAY)
                    : start - crew.between(600, 3 * 86_400);
            Device device = crew.devices(1, null).getFirst();
            Actor bot = new Actor(crew.account(), created, device, sharedIp != null ? sharedIp : crew.ip(),
                    crew.world.ids().instrument(), crew.home);
            runBot(crew, bot, targets, start + crew.between(0, 1800));
        }
    }

    private static void runBot(Crew crew, Actor bot, List<Payee> targets, long t) {
        int payments = 40 + crew.random.nextInt(260);
        double gap = crew.random.nextDouble(2, 25);
        double jitter = 0.02 + 0.3 * crew.stealth;
        double speed = crew.random.nextDouble(0.1, 1 + 4 * crew.stealth);
        boolean rotates = crew.stealth > 0.5 && crew.random.nextBoolean();
        for (int i = 0; i < payments; i++) {
            Payee payee = crew.pick(targets);
            long started = t - (long) (speed * (1 + 0.1 * crew.random.nextGaussian()) * Crew.SECOND);
            Actor now = rotates && crew.random.nextDouble() < 0.3 ? bot.withIp(crew.ip(), bot.country()) : bot;
            crew.pay(t, now, payee.id(), payee.price(), payee.content(crew.random), Math.min(started, t - 1),
                    crew.scriptedTelemetry(bot.device()));
            t += (long) (Math.max(0.2, gap * (1 + jitter * crew.random.nextGaussian())) * Crew.SECOND);
        }
    }
}
