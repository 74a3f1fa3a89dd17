package dev.farthing.customers.analytics;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One payment that moved money, as analytics see it: pseudonymous only. {@code subject} is the payer's keyed
 * pseudonym (the customer's when the account has one, so a person's accounts count as one subject), {@code creator}
 * the payee account, {@code country} an ISO 3166 alpha-2 code ({@value #UNKNOWN_COUNTRY} when not known),
 * {@code epochDay} the UTC day in ledger time, {@code amount} minor units of {@code currency}.
 */
public record PaymentFact(String subject, String creator, String country, long epochDay, String currency, long amount) {
    public static final String UNKNOWN_COUNTRY = "ZZ";
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public PaymentFact {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(currency, "currency");
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be two upper-case letters, not " + country);
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("a payment fact moves a positive amount, not " + amount);
        }
    }

    /** The country code as analytics keep it: upper-case alpha-2, else {@value #UNKNOWN_COUNTRY} (lenient: a signal). */
    public static String countryOf(String raw) {
        if (raw == null) {
            return UNKNOWN_COUNTRY;
        }
        String c = raw.trim().toUpperCase(java.util.Locale.ROOT);
        return COUNTRY.matcher(c).matches() ? c : UNKNOWN_COUNTRY;
    }
}
