package dev.farthing.settlement.routing;

/**
 * How routing weighs things, in the payout currency's minor units. A failed attempt costs
 * {@code failureCostMinor} (a later retry, the payee waiting, support); a second of latency
 * {@code latencyCostPerSecond}; {@code explorationMinor} is the optimism given to a corridor the router knows
 * little about (shrinking as 1/sqrt(attempts)), so a new or recovered provider is tried again. A provider with no
 * observed fee yet is assumed to cost {@code unknownFeeBps} of the amount.
 */
public record RoutingPolicy(double failureCostMinor, double latencyCostPerSecond, double explorationMinor,
                            double unknownFeeBps, double alpha, double feeDecay, int breakerThreshold,
                            long breakerOpenNanos) {

    public static final RoutingPolicy DEFAULT = new RoutingPolicy(200, 0.5, 40, 50, 0.05, 0.98, 5,
            120_000_000_000L);

    public RoutingPolicy {
        if (!(alpha > 0 && alpha <= 1) || !(feeDecay > 0 && feeDecay <= 1) || breakerThreshold < 1 || breakerOpenNanos < 0
                || failureCostMinor < 0 || latencyCostPerSecond < 0 || explorationMinor < 0 || unknownFeeBps < 0) {
            throw new IllegalArgumentException("invalid routing policy " + this);
        }
    }
}
