package dev.farthing.simulator.attack;

import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.simulator.world.Device;
import dev.farthing.simulator.world.Payee;

import java.util.ArrayList;
import java.util.List;

/**
 * Card testing: stolen card numbers are tried with tiny charges, many cards per account and device, to
 * learn which ones work before they are sold or used for bigger fraud.
 */
final class CardTestingCampaign implements Campaign {

    @Override
    public String scenario() {
        return "card_testing";
    }

    @Override
    public void run(Crew crew, long start) {
        int accounts = 1 + crew.random.nextInt(4);
        List<Device> devices = crew.devices(1 + crew.random.nextInt(2), null);
        List<String> ips = crew.ips(1 + crew.random.nextInt(4));
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            long created = start - crew.between(60, 2 * 86_400);
            actors.add(new Actor(crew.account(), created, crew.pick(devices), crew.pick(ips), null, crew.home));
        }
        List<Payee> payees = new ArrayList<>();
        for (int i = 0; i < 1 + crew.random.nextInt(3); i++) {
            payees.add(crew.random.nextBoolean() ? crew.world.catalog().cheapest(Payee.Kind.PUBLISHER)
                    : crew.world.catalog().obscure(Payee.Kind.CREATOR, crew.random));
        }
        int cards = 30 + crew.random.nextInt(220);
        double gap = crew.random.nextDouble(0.5, 2 + 8 * crew.stealth);
        long t = start;
        for (String card : crew.instruments(cards)) {
            int tries = crew.random.nextDouble() < 0.3 ? 2 : 1;
            Actor actor = crew.pick(actors).withInstrument(card);
            for (int k = 0; k < tries; k++) {
                Payee payee = crew.pick(payees);
                long amount = 1 + crew.random.nextLong(Math.max(1, Math.min(payee.price(), 100)));
                boolean withContent = payee.kind() == Payee.Kind.PUBLISHER;
                crew.pay(t, actor, payee.id(), amount, withContent ? payee.content(crew.random) : null,
                        withContent ? t - crew.between(0.1, 1) : PaymentContext.UNKNOWN, crew.scriptedTelemetry(actor.device()));
                t += (long) (gap * crew.random.nextDouble(0.5, 1.5) * Crew.SECOND);
            }
        }
    }
}
