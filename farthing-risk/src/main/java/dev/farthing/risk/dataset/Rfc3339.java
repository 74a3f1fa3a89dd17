package dev.farthing.risk.dataset;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 3339 timestamps to and from nanoseconds since the epoch. Reading takes what clients write: {@code T},
 * {@code t} or a space between date and time, 0..9 fraction digits, and an offset {@code Z}, {@code +01:00},
 * {@code +0100}, {@code +01} or none at all (read as UTC, the way ISO 8601 local times from servers usually are).
 * Writing is UTC with all nine digits ({@code 2026-01-01T00:00:00.000000001Z}), so it sorts as text.
 */
public final class Rfc3339 {
    private static final Pattern SHAPE = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)(Z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /**
     * Signals (account creation, content start) from 1900 until 2200: no client means an instant outside, and
     * the bounds keep differences with ledger time far from overflow.
     */
    static final long SIGNAL_MIN = parse("1900-01-01T00:00:00Z");
    static final long SIGNAL_MAX = parse("2200-01-01T00:00:00Z");
    public static final String SIGNAL_RANGE = "1900-01-01T00:00:00Z..2200-01-01T00:00:00Z";

    private Rfc3339() {
    }

    /** Nanoseconds since the epoch; {@link IllegalArgumentException} for anything not RFC 3339. */
    public static long parse(String text) {
        Matcher m = SHAPE.matcher(text.toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("must be an RFC 3339 timestamp like 2026-01-01T00:00:00.000000001Z");
        }
        String canonical = m.group(1) + 'T' + m.group(2) + offset(m.group(3));
        try {
            Instant at = OffsetDateTime.parse(canonical, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), NANOS_PER_SECOND), at.getNano());
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("is not a valid RFC 3339 timestamp (" + e.getMessage() + ")");
        }
    }

    /** {@link #parse}, and the instant must lie within {@link #SIGNAL_RANGE}. */
    public static long parseSignal(String text) {
        long at = parse(text);
        if (at < SIGNAL_MIN || at >= SIGNAL_MAX) {
            throw new IllegalArgumentException("must be within " + SIGNAL_RANGE);
        }
        return at;
    }

    private static String offset(String offset) {
        if (offset == null || offset.equals("Z")) {
            return "Z";
        }
        if (offset.length() == 3) {
            return offset + ":00";
        }
        return offset.length() == 5 ? offset.substring(0, 3) + ':' + offset.substring(3) : offset;
    }

    public static String format(long epochNanos) {
        long second = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        long nanos = Math.floorMod(epochNanos, NANOS_PER_SECOND);
        return SECONDS.format(Instant.ofEpochSecond(second)) + '.' + String.format(Locale.ROOT, "%09d", nanos) + 'Z';
    }
}
