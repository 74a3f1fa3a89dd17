package dev.farthing.disputes.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Business days in one time zone: every day but the weekend days and the configured holidays. A deadline of N
 * business days from a moment ends at local midnight after the Nth business day following that moment's day, so
 * a dispute filed on Friday evening in New York with 2 days is due at the end of Tuesday there.
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays) {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        weekend = weekend.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekend));
        holidays = Set.copyOf(holidays);
        if (weekend.size() >= 7) {
            throw new IllegalArgumentException("a calendar needs at least one business day a week");
        }
    }

    public static BusinessCalendar weekdays(ZoneId zone, Set<LocalDate> holidays) {
        return new BusinessCalendar(zone, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays);
    }

    public boolean businessDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** The deadline {@code days} (1..366) business days after {@code fromNanos}, in ns since the epoch. */
    public long addBusinessDays(long fromNanos, int days) {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("business days must be 1..366, not " + days);
        }
        LocalDate day = Instant.ofEpochSecond(Math.floorDiv(fromNanos, NANOS_PER_SECOND)).atZone(zone).toLocalDate();
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (businessDay(day)) {
                left--;
            }
        }
        long endSeconds = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
        return Math.multiplyExact(endSeconds, NANOS_PER_SECOND);
    }

    /** Whole hours from {@code nowNanos} to {@code deadlineNanos}, rounded down; 0 once it has passed. */
    public static long hoursLeft(long deadlineNanos, long nowNanos) {
        long left = deadlineNanos - nowNanos;
        return left <= 0 ? 0 : left / (3600 * NANOS_PER_SECOND);
    }
}
