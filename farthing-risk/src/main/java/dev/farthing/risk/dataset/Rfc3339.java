package dev.farthing.risk.dataset;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * RFC 3339 timestamps to and from nanoseconds since the epoch. Reading accepts any offset and 0..9 fraction
 * digits; writing is UTC with all nine digits ({@code 2026-01-01T00:00:00.000000001Z}), so it sorts as text.
 */
public final class Rfc3339 {
    private static final Pattern SHAPE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Rfc3339() {
    }

    /** Nanoseconds since the epoch; {@link IllegalArgumentException} for anything not RFC 3339. */
    public static long parse(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(upper).matches()) {
            throw new IllegalArgumentException("must be an RFC 3339 timestamp like 2026-01-01T00:00:00.000000001Z");
        }
        try {
            Instant at = OffsetDateTime.parse(upper, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), NANOS_PER_SECOND), at.getNano());
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("is not a valid RFC 3339 timestamp (" + e.getMessage() + ")");
        }
    }

    public static String format(long epochNanos) {
        long second = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        long nanos = Math.floorMod(epochNanos, NANOS_PER_SECOND);
        return SECONDS.format(Instant.ofEpochSecond(second)) + '.' + String.format(Locale.ROOT, "%09d", nanos) + 'Z';
    }
}
