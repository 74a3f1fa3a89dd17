package dev.farthing.simulator.attack;

import dev.farthing.simulator.world.Device;
import dev.farthing.simulator.world.Payee;

import java.util.List;

/**
 * View bots: a small creator's income is inflated by many accounts that watch a minute or two of its videos
 * (or open its articles), run from a few emulators behind a few proxies and paid for with a few cards.
 */
final class ViewBotCampaign implements Campaign {

    @Override
    public String scenario() {
        return "view_bot";
    }

    @Override
    public void run(Crew crew, long start) {
        Payee.Kind kind = crew.random.nextDouble() < 0.6 ? Payee.Kind.CHANNEL : Payee.Kind.PUBLISHER;
        Payee target = crew.world.catalog().obscure(kind, crew.random);
        int accounts = 10 + crew.random.nextInt(50);
        List<Device> devices = crew.devices(2 + crew.random.nextInt(10), null);
        List<String> ips = crew.ips(2 + crew.random.nextInt(13));
        List<String> cards = crew.instruments(1 + crew.random.nextInt(5));
        boolean aged = crew.random.nextBoolean();
        long span = crew.between(3600, 6 * 3600);
        for (int a = 0; a < accounts; a++) {
            long created = aged ? start - (long) (crew.random.nextDouble(5, 300) * Crew.DAY) : start - crew.between(60, 86_400);
            Actor actor = new Actor(crew.account(), created, crew.pick(devices), crew.pick(ips), crew.pick(cards), crew.home);
            int views = 2 + crew.random.nextInt(19);
            for (int v = 0; v < views; v++) {
                long t = start + (long) (crew.random.nextDouble() * span);
                view(crew, actor, target, t);
            }
        }
    }

    private static void view(Crew crew, Actor actor, Payee target, long t) {
        String content = target.content(crew.random);
        if (target.kind() == Payee.Kind.CHANNEL) {
            int minutes = 1 + crew.random.nextInt(3);
            for (int m = 1; m <= minutes; m++) {
                long at = t + m * Crew.MINUTE + crew.between(0, 0.3);
                crew.pay(at, actor, target.id(), target.price(), content, t, crew.scriptedTelemetry(actor.device()));
            }
        } else {
            crew.pay(t, actor, target.id(), target.price(), content, t - crew.between(0.5, 4),
                    crew.scriptedTelemetry(actor.device()));
        }
    }
}
