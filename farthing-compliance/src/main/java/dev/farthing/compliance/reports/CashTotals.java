package dev.farthing.compliance.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CTR-style report: cash-equivalent totals per customer per day, in and out separately, listing those over
 * the threshold (FinCEN's is more than USD 10,000; here in minor units, configurable). Sums are exact.
 */
public final class CashTotals {
    /** One cash-equivalent movement: money in (deposit) or out (withdrawal) of a customer's account. */
    public record Movement(String customerId, LocalDate day, long amountMinor, boolean in) {
        public Movement {
            if (amountMinor <= 0) throw new IllegalArgumentException("a movement's amount is positive");
        }
    }

    /** A customer-day over the threshold in either direction. */
    public record Line(String customerId, LocalDate day, long inMinor, long outMinor, int movements) {}

    private CashTotals() {}

    public static List<Line> overThreshold(List<Movement> movements, long thresholdMinor) {
        Map<String, long[]> totals = new TreeMap<>();
        for (Movement m : movements) {
            long[] t = totals.computeIfAbsent(m.day() + "|" + m.customerId(), k -> new long[3]);
            if (m.in()) t[0] = Math.addExact(t[0], m.amountMinor());
            else t[1] = Math.addExact(t[1], m.amountMinor());
            t[2]++;
        }
        List<Line> lines = new ArrayList<>();
        totals.forEach((key, t) -> {
            if (t[0] > thresholdMinor || t[1] > thresholdMinor) {
                int bar = key.indexOf('|');
                lines.add(new Line(key.substring(bar + 1), LocalDate.parse(key.substring(0, bar)), t[0], t[1], (int) t[2]));
            }
        });
        lines.sort(Comparator.comparing(Line::day).thenComparing(Line::customerId));
        return lines;
    }
}
