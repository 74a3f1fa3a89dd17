package dev.farthing.simulator.family2;

import java.util.random.RandomGenerator;

/**
 * Family B's world parameters, drawn per seed over wide ranges (domain randomisation): no two seeds share
 * the same pace, prices, client mix, address sharing or attack intensity, so a model cannot learn one
 * world's constants.
 */
record Knobs(double sessionsPerDayMedian, double priceScale, double browserShare, double appShare,
             double mobileShare, int fansPerCarrierAddress, double ipv6Share, double lanIpShare, double officeShare,
             int officeSize, double newUserShare, double newCreatorShare, int viralBursts, int viralFansMin,
             int viralFansMax, double bingeShare, double tipRate, double sharedTabletShare, double attackIntensity) {

    static Knobs draw(RandomGenerator r) {
        double browser = r.nextDouble(0.30, 0.70);
        double app = r.nextDouble(0.15, Math.min(0.50, 0.95 - browser));
        return new Knobs(
                Math.exp(r.nextDouble(Math.log(0.6), Math.log(5.0))),
                Math.exp(r.nextDouble(Math.log(0.5), Math.log(2.5))),
                browser, app,
                r.nextDouble(0.25, 0.75),
                100 + r.nextInt(500),
                r.nextDouble(0.10, 0.50),
                r.nextDouble(0.02, 0.12),
                r.nextDouble(0.05, 0.30),
                20 + r.nextInt(180),
                r.nextDouble(0.02, 0.15),
                r.nextDouble(0.03, 0.15),
                1 + r.nextInt(3),
                150, 200 + r.nextInt(401),
                r.nextDouble(0.02, 0.12),
                r.nextDouble(0.05, 0.35),
                r.nextDouble(0.05, 0.25),
                Math.exp(r.nextDouble(Math.log(0.6), Math.log(1.8))));
    }

    /** A client level for a new device, by this world's mix: browser, app, or a minimal API integration. */
    Client client(RandomGenerator r) {
        double x = r.nextDouble();
        return x < browserShare ? Client.BROWSER : x < browserShare + appShare ? Client.APP : Client.MINIMAL;
    }
}
