package dev.farthing.settlement.payout;

import java.util.Objects;

/**
 * When a payee is paid out and how much is kept back. {@code DAILY} pays once per ledger day, {@code WEEKLY} once
 * per seven, {@code THRESHOLD} whenever the payable balance reaches {@code thresholdMinor}. Nothing below
 * {@code minimumMinor} is paid (fees would eat it); {@code reserveBps} of the balance stays on the account as a
 * rolling reserve against refunds and chargebacks still to come. Amounts are the payout currency's minor units.
 */
public record Schedule(Kind kind, long thresholdMinor, long minimumMinor, int reserveBps) {

    public enum Kind { DAILY, WEEKLY, THRESHOLD }

    public Schedule {
        Objects.requireNonNull(kind, "kind");
        if (thresholdMinor < 0 || minimumMinor < 0) {
            throw new IllegalArgumentException("threshold and minimum must not be negative");
        }
        if (kind == Kind.THRESHOLD && thresholdMinor == 0) {
            throw new IllegalArgumentException("a threshold schedule needs a positive threshold");
        }
        if (reserveBps < 0 || reserveBps > 10_000) {
            throw new IllegalArgumentException("reserve must be 0..10000 basis points: " + reserveBps);
        }
    }

    public static Schedule daily(long minimumMinor) {
        return new Schedule(Kind.DAILY, 0, minimumMinor, 0);
    }

    /** Due at ledger time {@code nowNanos} given the last payout at {@code lastNanos} (0: never) and the payable amount. */
    public boolean isDue(long nowNanos, long lastNanos, long payableMinor) {
        long day = 86_400_000_000_000L;
        return switch (kind) {
            case DAILY -> lastNanos == 0 || nowNanos / day > lastNanos / day;
            case WEEKLY -> lastNanos == 0 || nowNanos - lastNanos >= 7 * day;
            case THRESHOLD -> payableMinor >= thresholdMinor;
        };
    }
}
