package dev.farthing.simulator.attack;

import dev.farthing.contracts.payment.PaymentContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Mule ring: a few aged accounts, each run by a person on their own device, pass money around a cycle
 * (A to B to C back to A) to blur where it came from. Amounts are large for micropayments and shrink by the
 * platform fee at each hop.
 */
final class MuleRingCampaign implements Campaign {

    @Override
    public String scenario() {
        return "mule_ring";
    }

    @Override
    public void run(Crew crew, long start) {
        int size = 3 + crew.random.nextInt(5);
        boolean sharedIp = crew.random.nextDouble() > crew.stealth;
        String ip = crew.ip();
        List<Actor> ring = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long created = start - (long) (crew.random.nextDouble(10, 300) * Crew.DAY);
            ring.add(new Actor(crew.account(), created, crew.devices(1, null).getFirst(), sharedIp ? ip : crew.ip(),
                    crew.world.ids().instrument(), crew.home));
        }
        double amount = crew.random.nextDouble(2, 30);
        int cycles = 3 + crew.random.nextInt(10);
        long t = start;
        for (int c = 0; c < cycles; c++) {
            for (int i = 0; i < size; i++) {
                Actor from = ring.get(i);
                Actor to = ring.get((i + 1) % size);
                PaymentContext.Telemetry telemetry = crew.random.nextDouble() < 0.7
                        ? crew.humanTelemetry(from.device(), true) : crew.scriptedTelemetry(from.device());
                crew.pay(t, from, to.account(), crew.world.pricing().units(amount), null, PaymentContext.UNKNOWN, telemetry);
                amount *= crew.random.nextDouble(0.94, 0.995);
                t += crew.between(30, 1200);
            }
        }
    }
}
