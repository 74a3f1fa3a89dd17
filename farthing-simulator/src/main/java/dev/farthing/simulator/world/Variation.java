package dev.farthing.simulator.world;

import java.util.random.RandomGenerator;

/**
 * Family A's world parameters, drawn per seed over wide ranges (domain randomisation) so that a model
 * trained on some seeds cannot lean on one world's constants: household sharing, offices, sign-ups, VPNs,
 * clients without telemetry, travel, activity, price level, carrier NAT sharing and attack intensity.
 */
public record Variation(double singleShare, double sharedTabletShare, double officeShare, double newUserShare,
                        double vpnShare, double telemetryOffShare, double travellerShare, double sessionsMedian,
                        double priceScale, int usersPerCarrierAddress, double attackIntensity) {

    public static Variation draw(RandomGenerator r) {
        return new Variation(r.nextDouble(0.3, 0.6), r.nextDouble(0.1, 0.5), r.nextDouble(0.15, 0.55),
                r.nextDouble(0.01, 0.10), r.nextDouble(0.01, 0.08), r.nextDouble(0.02, 0.15), r.nextDouble(0.005, 0.05),
                Math.exp(r.nextDouble(Math.log(1.2), Math.log(4.0))), Math.exp(r.nextDouble(Math.log(0.6), Math.log(1.8))),
                15 + r.nextInt(66), Math.exp(r.nextDouble(Math.log(0.6), Math.log(1.6))));
    }
}
