package dev.farthing.settlement.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One conversion worked out exactly, in ledger units: {@code source} units of the source currency are worth
 * {@link #exactValue()} target units at the rate; the payee gets {@code credited}, the spread account
 * {@code spread}, the rounding account {@code rounding} (whole units of what rounding left over, carried remainders
 * included), and {@code carryAfter} (less than one unit) waits for the next conversion of the same pair. Value is
 * conserved exactly: {@code exactValue + carryBefore = credited + spread + rounding + carryAfter}.
 */
public record FxConversion(FxRate rate, long source, long credited, long spread, long rounding,
                           BigDecimal carryBefore, BigDecimal carryAfter, BigDecimal exactValue, int spreadBps) {

    /**
     * Works out converting {@code source} units (scale {@code sourceScale}) to target units (scale
     * {@code targetScale}) at {@code rate} less {@code spreadBps} basis points, with {@code carry} left from before.
     */
    public static FxConversion of(FxRate rate, long source, int sourceScale, int targetScale, int spreadBps,
                                  BigDecimal carry) {
        if (source <= 0) {
            throw new IllegalArgumentException("a conversion needs a positive amount: " + source);
        }
        if (spreadBps < 0 || spreadBps >= 10_000) {
            throw new IllegalArgumentException("spread must be 0..9999 basis points: " + spreadBps);
        }
        if (carry.signum() < 0 || carry.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("a carried remainder is in [0, 1): " + carry);
        }
        // amount / 10^s1 major units x rate = value major units = value x 10^s2 target units: exact, no division
        BigDecimal value = new BigDecimal(source).multiply(rate.rate()).movePointRight(targetScale - sourceScale);
        BigDecimal spreadExact = value.multiply(BigDecimal.valueOf(spreadBps)).movePointLeft(4);
        long credited = value.subtract(spreadExact).setScale(0, RoundingMode.FLOOR).longValueExact();
        long spread = spreadExact.setScale(0, RoundingMode.FLOOR).longValueExact();
        BigDecimal rest = value.subtract(BigDecimal.valueOf(credited)).subtract(BigDecimal.valueOf(spread)).add(carry);
        long rounding = rest.setScale(0, RoundingMode.FLOOR).longValueExact();
        BigDecimal carryAfter = rest.subtract(BigDecimal.valueOf(rounding)).stripTrailingZeros();
        FxConversion c = new FxConversion(rate, source, credited, spread, rounding, carry, carryAfter, value, spreadBps);
        assert c.conserves() : "conversion lost value: " + c;
        return c;
    }

    /** The identity every conversion keeps, to the last fraction of a unit. */
    public boolean conserves() {
        BigDecimal booked = BigDecimal.valueOf(credited).add(BigDecimal.valueOf(spread)).add(BigDecimal.valueOf(rounding))
                .add(carryAfter);
        return credited >= 0 && spread >= 0 && rounding >= 0 && carryAfter.signum() >= 0
                && carryAfter.compareTo(BigDecimal.ONE) < 0 && exactValue.add(carryBefore).compareTo(booked) == 0;
    }
}
