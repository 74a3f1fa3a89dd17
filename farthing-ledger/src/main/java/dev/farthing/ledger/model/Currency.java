package dev.farthing.ledger.model;

import java.util.regex.Pattern;

/**
 * A currency and its scale: amounts are integers of 10^-scale units, so {@code USD} at scale 6 counts
 * micro-dollars and a cent is 10,000 units.
 */
public record Currency(String code, int scale) {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{2,11}");
    public static final int MAX_SCALE = 18;

    public Currency {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("currency code must match " + CODE + ": " + code);
        }
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("currency scale must be 0.." + MAX_SCALE + ": " + scale);
        }
    }
}
