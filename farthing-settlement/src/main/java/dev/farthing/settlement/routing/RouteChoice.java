package dev.farthing.settlement.routing;

/** The provider picked for one attempt (null when none may take it) and why, in words kept on the payout. */
public record RouteChoice(String provider, double expectedCostMinor, String reason) {

    public boolean found() {
        return provider != null;
    }
}
