package dev.farthing.simulator.attack;

import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.simulator.world.Device;
import dev.farthing.simulator.world.Payee;

/**
 * Velocity attack: a few accounts fire bursts of purchases (game items, articles) as fast as the platform
 * lets them, hoping to spend more than the limits allow before anything reacts.
 */
final class VelocityCampaign implements Campaign {

    @Override
    public String scenario() {
        return "velocity";
    }

    @Override
    public void run(Crew crew, long start) {
        int accounts = 1 + crew.random.nextInt(3);
        for (int a = 0; a < accounts; a++) {
            long created = start - (long) (crew.random.nextDouble(0.01, 200) * Crew.DAY);
            Device device = crew.devices(1, null).getFirst();
            Actor actor = new Actor(crew.account(), created, device, crew.ip(), crew.world.ids().instrument(), crew.home);
            long t = start + crew.between(0, 600);
            int bursts = 1 + crew.random.nextInt(3);
            for (int b = 0; b < bursts; b++) {
                t = burst(crew, actor, t) + crew.between(300, 1800);
            }
        }
    }

    private static long burst(Crew crew, Actor actor, long t) {
        int payments = 25 + crew.random.nextInt(175);
        double gap = crew.random.nextDouble(0.2, 1.5 + 3 * crew.stealth);
        for (int i = 0; i < payments; i++) {
            boolean game = crew.random.nextDouble() < 0.7;
            Payee payee = crew.world.catalog().popular(game ? Payee.Kind.GAME : Payee.Kind.PUBLISHER, crew.random);
            long amount = game && crew.random.nextBoolean() ? crew.world.pricing().units(4.99) : payee.price();
            String content = payee.content(crew.random);
            long started = game ? PaymentContext.UNKNOWN : t - crew.between(0.1, 2);
            crew.pay(t, actor, payee.id(), amount, content, started, crew.scriptedTelemetry(actor.device()));
            t += (long) (gap * crew.random.nextDouble(0.5, 1.5) * Crew.SECOND);
        }
        return t;
    }
}
