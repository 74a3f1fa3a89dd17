package dev.farthing.simulator.world;

/** Converts prices in major units (dollars) to minor units at the currency's scale; never below one unit. */
public record Pricing(int scale) {

    public long units(double major) {
        double units = major * Math.pow(10, scale);
        if (!(units < Long.MAX_VALUE / 4)) {
            throw new IllegalArgumentException("price too large: " + major);
        }
        return Math.max(1, Math.round(units));
    }
}
