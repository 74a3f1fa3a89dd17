package dev.farthing.settlement.payout;

import java.util.Locale;

/**
 * Where a payout stands. {@code IN_DOUBT} is a submit with no answer: it is asked about (status poll, webhook,
 * statement) and never sent anywhere else until its fate is known.
 */
public enum PayoutStatus {
    /** Recorded; the hold on the payee's balance is being placed. */
    CREATED,
    /** The hold is on; a provider is being chosen. */
    HELD,
    /** A provider accepted it; waiting for paid or failed. */
    SUBMITTED,
    /** A submit went unanswered: the provider may have paid. */
    IN_DOUBT,
    PAID,
    FAILED,
    /** Paid, then returned by the beneficiary's bank: the money is back on the payee's balance. */
    RETURNED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == PAID || this == FAILED || this == RETURNED;
    }

    public static PayoutStatus fromWire(String s) {
        for (PayoutStatus p : values()) {
            if (p.wire().equals(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown payout status: " + s);
    }
}
