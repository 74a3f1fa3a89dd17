package dev.farthing.simulator.attack;

import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.simulator.world.Device;
import dev.farthing.simulator.world.Payee;

import java.util.List;

/**
 * Account farm: many freshly created accounts, run from a handful of phones, addresses and cards, all pay
 * one payee (promotion abuse, or laundering stolen cards into a creator's income). Careful farms first read
 * an article or two to look like new readers.
 */
final class AccountFarmCampaign implements Campaign {

    @Override
    public String scenario() {
        return "account_farm";
    }

    @Override
    public void run(Crew crew, long start) {
        String farmer = crew.world.ids().payee("creator");
        int accounts = 15 + crew.random.nextInt(105);
        List<Device> devices = crew.devices(1 + crew.random.nextInt(8), Device.Kind.PHONE);
        List<String> ips = crew.ips(1 + crew.random.nextInt(6));
        List<String> cards = crew.instruments(1 + crew.random.nextInt(6));
        boolean clickFarm = crew.random.nextDouble() < 0.3;
        double span = crew.random.nextDouble(1200, 4 * 3600);
        for (int a = 0; a < accounts; a++) {
            long t = start + (long) (span * a / accounts * Crew.SECOND) + crew.between(0, 120);
            long created = crew.random.nextBoolean() ? t - crew.between(30, 900) : start - crew.between(600, 2 * 86_400);
            Actor actor = new Actor(crew.account(), created, crew.pick(devices), crew.pick(ips), crew.pick(cards), crew.home);
            if (crew.random.nextDouble() < crew.stealth) {
                Payee decoy = crew.world.catalog().popular(Payee.Kind.PUBLISHER, crew.random);
                crew.pay(t, actor, decoy.id(), decoy.price(), decoy.content(crew.random), t - crew.between(3, 30),
                        telemetry(crew, actor, clickFarm, false));
                t += crew.between(20, 300);
            }
            int tips = 1 + crew.random.nextInt(4);
            for (int i = 0; i < tips; i++) {
                long amount = crew.world.pricing().units(new double[]{0.5, 1, 2, 5}[crew.random.nextInt(4)]);
                crew.pay(t, actor, farmer, amount, null, PaymentContext.UNKNOWN, telemetry(crew, actor, clickFarm, true));
                t += crew.between(10, 600);
            }
        }
    }

    /** Click farms are people tapping on racks of phones: their telemetry is human. */
    private static PaymentContext.Telemetry telemetry(Crew crew, Actor actor, boolean clickFarm, boolean typed) {
        return clickFarm ? crew.humanTelemetry(actor.device(), typed) : crew.scriptedTelemetry(actor.device());
    }
}
