package dev.farthing.settlement.connector.iso20022;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * ISO 20022 amounts are decimals in the currency's major unit; Farthing's are longs in minor units. Conversions are
 * exact: an amount with more decimals than its currency has is an error, never rounded.
 */
final class Amounts {
    private Amounts() {
    }

    /** The currency's minor-unit scale (2 for EUR, 0 for JPY, 3 for BHD); unknown codes are refused. */
    static int scale(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            if (digits < 0) {
                throw new IllegalArgumentException("currency " + currency + " has no minor unit");
            }
            return digits;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an ISO 4217 currency with a minor unit: " + currency, e);
        }
    }

    static String toDecimal(long amountMinor, int scale) {
        return BigDecimal.valueOf(amountMinor, scale).toPlainString();
    }

    static long toMinor(String decimal, String currency) {
        BigDecimal major = new BigDecimal(decimal.strip());
        try {
            return major.movePointRight(scale(currency)).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + decimal + " " + currency + " is not a whole number of minor units", e);
        }
    }
}
