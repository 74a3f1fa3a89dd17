package dev.farthing.customers.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Payment statistics for export, k-anonymous over their quasi-identifiers (period, area, creator): each row is one
 * class of payments sharing them and is written only when at least {@code k} distinct subjects paid in it (distinct
 * people, not payments: k payments of one person hide nobody). The quasi-identifiers are generalised step by step
 * ({@link Level}: day → ISO week → month; country → region → world; creator → any) until the payments in classes
 * below k, which are suppressed, are at most {@code maxSuppressed} of all; when even the coarsest level suppresses
 * more, the export is refused ({@link Refused}) rather than written.
 */
public final class KAnonymousExport {
    public static final int DEFAULT_K = 10;
    public static final double DEFAULT_MAX_SUPPRESSED = 0.05;

    /** How coarse the quasi-identifiers are, finest first. */
    public enum Level {
        DAY_COUNTRY_CREATOR, WEEK_COUNTRY_CREATOR, WEEK_REGION_CREATOR, MONTH_REGION_CREATOR, MONTH_WORLD_CREATOR,
        MONTH_WORLD_ANY_CREATOR;

        String period(long epochDay) {
            LocalDate d = LocalDate.ofEpochDay(epochDay);
            return switch (this) {
                case DAY_COUNTRY_CREATOR -> d.toString();
                case WEEK_COUNTRY_CREATOR, WEEK_REGION_CREATOR -> String.format("%d-W%02d",
                        d.with(DayOfWeek.THURSDAY).getYear(), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                default -> d.toString().substring(0, 7);
            };
        }

        String area(String country) {
            return switch (this) {
                case DAY_COUNTRY_CREATOR, WEEK_COUNTRY_CREATOR -> country;
                case WEEK_REGION_CREATOR, MONTH_REGION_CREATOR -> Regions.of(country);
                default -> "*";
            };
        }

        String creator(String creator) {
            return this == MONTH_WORLD_ANY_CREATOR ? "*" : creator;
        }
    }

    /** One exported class: its generalised quasi-identifiers, payments, distinct subjects and total (minor units). */
    public record Row(String period, String area, String creator, String currency, long payments, long subjects,
                      long amount) {
    }

    /** The rows written, the level chosen and what was suppressed. */
    public record Result(Level level, int k, List<Row> rows, long payments, long suppressedPayments, int suppressedClasses) {
    }

    /** Even the coarsest generalisation would suppress more than allowed. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private KAnonymousExport() {
    }

    /** {@code facts} streams every fact; it is read once per level tried, so it must be repeatable. */
    public static Result build(Consumer<Consumer<PaymentFact>> facts, int k, double maxSuppressed) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2 (default " + DEFAULT_K + "), not " + k);
        }
        if (!(maxSuppressed >= 0 && maxSuppressed < 1)) {
            throw new IllegalArgumentException("the suppressed share must be in [0, 1), not " + maxSuppressed);
        }
        Result coarsest = null;
        for (Level level : Level.values()) {
            Result r = at(level, facts, k);
            if (r.suppressedPayments() <= maxSuppressed * r.payments()) {
                return r;
            }
            coarsest = r;
        }
        throw new Refused(String.format("cannot export k-anonymously with k=%d: even by month, worldwide and over all"
                        + " creators, %d of %d payments (%.1f%%) are in %d classes of fewer than %d distinct payers, more"
                        + " than the %.1f%% that may be suppressed; export later, with more data, or lower k",
                k, coarsest.suppressedPayments(), coarsest.payments(), 100.0 * coarsest.suppressedPayments() / coarsest.payments(),
                coarsest.suppressedClasses(), k, 100 * maxSuppressed));
    }

    static Result at(Level level, Consumer<Consumer<PaymentFact>> facts, int k) {
        Map<List<String>, Cls> classes = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        long[] total = {0};
        facts.accept(f -> {
            total[0]++;
            List<String> key = List.of(level.period(f.epochDay()), level.area(f.country()), level.creator(f.creator()), f.currency());
            classes.computeIfAbsent(key, x -> new Cls()).add(f);
        });
        List<Row> rows = new ArrayList<>();
        long suppressed = 0;
        int suppressedClasses = 0;
        for (Map.Entry<List<String>, Cls> e : classes.entrySet()) {
            Cls c = e.getValue();
            if (c.subjects.size() < k) {
                suppressed += c.payments;
                suppressedClasses++;
                continue;
            }
            List<String> key = e.getKey();
            rows.add(new Row(key.get(0), key.get(1), key.get(2), key.get(3), c.payments, c.subjects.size(), c.amount));
        }
        for (Row r : rows) {
            assert r.subjects() >= k : "an exported class has fewer than k subjects: " + r;
        }
        return new Result(level, k, List.copyOf(rows), total[0], suppressed, suppressedClasses);
    }

    private static final class Cls {
        final Set<String> subjects = new HashSet<>();
        long payments;
        long amount;

        void add(PaymentFact f) {
            subjects.add(f.subject());
            payments++;
            amount = Math.addExact(amount, f.amount());
        }
    }
}
