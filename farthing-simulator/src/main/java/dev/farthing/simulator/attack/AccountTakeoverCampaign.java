package dev.farthing.simulator.attack;

import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.simulator.world.Country;
import dev.farthing.simulator.world.Device;
import dev.farthing.simulator.world.Human;
import dev.farthing.simulator.world.Payee;

import java.util.List;

/**
 * Account takeover: an established person's account suddenly pays from a new device and address, often in
 * another country and at the owner's night, with amounts unlike the owner's (large tips to the attacker's
 * own creator accounts, expensive game items to resell). The owner's own traffic carries on as before.
 */
final class AccountTakeoverCampaign implements Campaign {

    @Override
    public String scenario() {
        return "account_takeover";
    }

    @Override
    public void run(Crew crew, long start) {
        List<Human> established = crew.world.established();
        if (established.isEmpty()) {
            return;
        }
        Human victim = crew.pick(established);
        boolean abroad = crew.random.nextDouble() >= crew.stealth * 0.7;
        Country country = abroad ? victim.country().other(crew.random) : victim.country();
        String ip = abroad && crew.random.nextBoolean() ? crew.world.ips().dataCentre() : crew.world.ips().residential(country);
        Device device = crew.random.nextBoolean()
                ? crew.world.devices().make(Device.Kind.DESKTOP, crew.random) : crew.devices(1, Device.Kind.PHONE).getFirst();
        String card = crew.random.nextDouble() < 0.3 ? crew.world.ids().instrument() : victim.instrument();
        Actor attacker = new Actor(victim.account(), victim.createdAtNanos(), device, ip, card, country);
        List<String> cashOut = List.of(crew.world.ids().payee("creator"), crew.world.ids().payee("creator"));
        boolean humanOperator = crew.random.nextDouble() < 0.6;
        int payments = 8 + crew.random.nextInt(43);
        long t = start;
        for (int i = 0; i < payments; i++) {
            PaymentContext.Telemetry telemetry = humanOperator ? crew.humanTelemetry(device, true) : crew.scriptedTelemetry(device);
            if (crew.random.nextDouble() < 0.6) {
                long amount = crew.world.pricing().units(crew.random.nextDouble(1, 10));
                crew.pay(t, attacker, crew.pick(cashOut), amount, null, PaymentContext.UNKNOWN, telemetry);
            } else {
                Payee game = crew.world.catalog().popular(Payee.Kind.GAME, crew.random);
                crew.pay(t, attacker, game.id(), crew.world.pricing().units(4.99), game.content(crew.random),
                        PaymentContext.UNKNOWN, telemetry);
            }
            t += crew.between(10, 300);
        }
    }
}
