package dev.farthing.customers.kyc;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each customer has moved (or has in flight) per currency in the current UTC day and month of ledger time,
 * and the reservation behind every payment still remembered. Owned by one writer thread: no locks.
 *
 * <p>A payment reserves its amount before it is decided; a payment that then moves nothing is released. So
 * the sum of what moved never exceeds the sum reserved, which never exceeds a cap. Reservations are remembered
 * up to a bound; a forgotten one can no longer be released, which only ever over-counts (refuses too much,
 * never too little).
 */
public final class UsageBook {
    private static final long DAY_NANOS = 86_400_000_000_000L;
    private final Map<String, Usage> usage = new HashMap<>();
    private final LinkedHashMap<String, Reservation> reservations;

    /** Usage of one customer in one currency; {@code day} and {@code month} say which period the sums are for. */
    public static final class Usage {
        long day;
        long dayUsed;
        long month;
        long monthUsed;
    }

    /** A payment's hold on a customer's limits, counted in {@code day} and {@code month}. */
    public record Reservation(String paymentId, String customerId, String currency, long amount, long day, long month) {
    }

    public UsageBook(int maxReservations) {
        this.reservations = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Reservation> eldest) {
                return size() > maxReservations;
            }
        };
    }

    public static long dayOf(long ledgerNanos) {
        return Math.floorDiv(ledgerNanos, DAY_NANOS);
    }

    public static long monthOf(long ledgerNanos) {
        LocalDate d = LocalDate.ofEpochDay(dayOf(ledgerNanos));
        return d.getYear() * 12L + d.getMonthValue() - 1;
    }

    /** Used today and this month (at {@code now}) by the customer in the currency: {@code [day, month]}. */
    public long[] used(String customerId, String currency, long now) {
        Usage u = usage.get(key(customerId, currency));
        if (u == null) {
            return new long[] {0, 0};
        }
        long day = dayOf(now);
        long month = monthOf(now);
        return new long[] {u.day == day ? u.dayUsed : 0, u.month == month ? u.monthUsed : 0};
    }

    public Reservation reservation(String paymentId) {
        return reservations.get(paymentId);
    }

    /** Counts {@code amount} against the customer's day and month at {@code now}; the caller checked the caps. */
    public Reservation reserve(String paymentId, String customerId, String currency, long amount, long now) {
        assert amount >= 0 : "negative reservation " + amount;
        assert !reservations.containsKey(paymentId) : "payment reserved twice " + paymentId;
        Usage u = usage.computeIfAbsent(key(customerId, currency), k -> new Usage());
        long day = dayOf(now);
        long month = monthOf(now);
        if (u.day != day) {
            u.day = day;
            u.dayUsed = 0;
        }
        if (u.month != month) {
            u.month = month;
            u.monthUsed = 0;
        }
        u.dayUsed = Math.addExact(u.dayUsed, amount);
        u.monthUsed = Math.addExact(u.monthUsed, amount);
        Reservation r = new Reservation(paymentId, customerId, currency, amount, day, month);
        reservations.put(paymentId, r);
        return r;
    }

    /** Gives a reservation back (its payment moved nothing); false when it is unknown or already released. */
    public boolean release(String paymentId) {
        Reservation r = reservations.remove(paymentId);
        if (r == null) {
            return false;
        }
        Usage u = usage.get(key(r.customerId(), r.currency()));
        if (u.day == r.day()) {
            u.dayUsed -= r.amount();
        }
        if (u.month == r.month()) {
            u.monthUsed -= r.amount();
        }
        assert u.dayUsed >= 0 && u.monthUsed >= 0 : "usage went negative releasing " + paymentId;
        return true;
    }

    private static String key(String customerId, String currency) {
        return customerId + '\u0000' + currency;
    }
}
