package dev.farthing.compliance.screening;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A birth date as lists and queries give it: a year, or a full date, or a span of years ("1960 to 1962",
 * "circa 1960" which lists treat as about a year either side). Month and day are 0 when unknown.
 */
public record BirthDate(int fromYear, int toYear, int month, int day) {
    private static final Pattern QUERY = Pattern.compile("(\\d{4})(?:-(\\d{2})-(\\d{2}))?");

    public BirthDate {
        if (fromYear < 1000 || toYear < fromYear || toYear > 9999) {
            throw new IllegalArgumentException("bad birth year span " + fromYear + ".." + toYear);
        }
        if (month < 0 || month > 12 || day < 0 || day > 31) throw new IllegalArgumentException("bad month/day");
    }

    public static BirthDate year(int year) { return new BirthDate(year, year, 0, 0); }

    public boolean exactDay() { return fromYear == toYear && month > 0 && day > 0; }

    /** Parses the API's {@code birth_date}: YYYY or YYYY-MM-DD; throws IllegalArgumentException otherwise. */
    public static BirthDate parseQuery(String text) {
        Matcher m = QUERY.matcher(text == null ? "" : text.trim());
        if (!m.matches()) throw new IllegalArgumentException("birth_date must be YYYY or YYYY-MM-DD");
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) return year(year);
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            throw new IllegalArgumentException("birth_date must be YYYY or YYYY-MM-DD");
        }
        return new BirthDate(year, year, month, day);
    }

    /** Years between the closest points of the two spans; 0 when they overlap. */
    public int yearGap(BirthDate other) {
        if (other.toYear < fromYear) return fromYear - other.toYear;
        if (other.fromYear > toYear) return other.fromYear - toYear;
        return 0;
    }

    public boolean sameDay(BirthDate other) {
        return exactDay() && other.exactDay() && fromYear == other.fromYear && month == other.month && day == other.day;
    }

    @Override
    public String toString() {
        if (exactDay()) return String.format("%04d-%02d-%02d", fromYear, month, day);
        return fromYear == toYear ? Integer.toString(fromYear) : fromYear + "-" + toYear;
    }
}
