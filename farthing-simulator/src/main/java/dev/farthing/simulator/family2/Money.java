package dev.farthing.simulator.family2;

/** Major-unit prices to minor units at the currency's scale, at least one unit. */
record Money(int scale) {
    long units(double major) {
        double u = major * Math.pow(10, scale);
        if (!(u < 1e15)) {
            throw new IllegalArgumentException("price too large: " + major);
        }
        return Math.max(1, Math.round(u));
    }

    /** A free-form amount (a tip someone typed) rounded to whole cents. */
    long cents(double major) {
        long cent = Math.max(1, units(0.01));
        return Math.max(cent, Math.round(major * 100) * cent);
    }
}
