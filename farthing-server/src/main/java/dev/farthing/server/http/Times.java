package dev.farthing.server.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Ledger timestamps (nanoseconds since the epoch) as RFC 3339 UTC strings with all nine fraction digits,
 * e.g. {@code 2025-01-02T03:04:05.123456789Z}; fixed width, so they also sort as text. The date-and-second
 * prefix is cached: a batch's timestamps nearly always share one second.
 */
public final class Times {
    private static final DateTimeFormatter SECOND_PREFIX =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private record Second(long epochSecond, String prefix) {
    }

    private static volatile Second cache = new Second(Long.MIN_VALUE, "");

    private Times() {
    }

    public static String format(long epochNanos) {
        long second = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        int nanos = (int) Math.floorMod(epochNanos, NANOS_PER_SECOND);
        Second c = cache;
        if (c.epochSecond() != second) {
            c = new Second(second, SECOND_PREFIX.format(Instant.ofEpochSecond(second)));
            cache = c;
        }
        String prefix = c.prefix();
        char[] out = new char[prefix.length() + 10];
        prefix.getChars(0, prefix.length(), out, 0);
        int end = prefix.length() + 9;
        for (int i = end - 1; i >= prefix.length(); i--) {
            out[i] = (char) ('0' + nanos % 10);
            nanos /= 10;
        }
        out[end] = 'Z';
        return new String(out);
    }

    /** The formatted time, or null for 0 (not set). */
    public static String formatOrNull(long epochNanos) {
        return epochNanos == 0 ? null : format(epochNanos);
    }
}
