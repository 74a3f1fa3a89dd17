package dev.farthing.simulator.eval;

/**
 * The detection-quality bar of issue 3: share of attack payments caught (declined, challenged or held), share
 * of legitimate payments declined, share challenged or held, and how early every campaign must be flagged.
 */
public record Targets(double minCaught, double maxLegitDeclined, double maxLegitFriction, int flagWithin) {

    public static Targets issue3() {
        return new Targets(0.95, 0.001, 0.01, 20);
    }
}
