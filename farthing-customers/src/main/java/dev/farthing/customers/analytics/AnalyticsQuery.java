package dev.farthing.customers.analytics;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One differentially private query: a metric per group, paid for with {@code epsilonMicros} of the analyst's budget.
 * {@code currency} selects the payments (required for the money metrics, which never add currencies up; optional
 * for {@code count}); {@code quantilePermille} is the quantile asked for (500 = median), for {@code quantile} only.
 */
public record AnalyticsQuery(Metric metric, GroupBy groupBy, long epsilonMicros, String currency, int quantilePermille) {

    public enum Metric {
        COUNT, SUM, MEAN, QUANTILE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Null for anything else. */
        public static Metric fromWire(String s) {
            for (Metric m : values()) {
                if (m.wire().equals(s)) {
                    return m;
                }
            }
            return null;
        }

        public boolean isMoney() {
            return this != COUNT;
        }
    }

    public enum GroupBy {
        CREATOR, COUNTRY, DAY;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static GroupBy fromWire(String s) {
            for (GroupBy g : values()) {
                if (g.wire().equals(s)) {
                    return g;
                }
            }
            return null;
        }

        String keyOf(PaymentFact f) {
            return switch (this) {
                case CREATOR -> f.creator();
                case COUNTRY -> f.country();
                case DAY -> LocalDate.ofEpochDay(f.epochDay()).toString();
            };
        }
    }

    public AnalyticsQuery {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(groupBy, "group_by");
        if (epsilonMicros <= 0) {
            throw new IllegalArgumentException("epsilon must be positive");
        }
        if (metric == Metric.QUANTILE && (quantilePermille < 1 || quantilePermille > 999)) {
            throw new IllegalArgumentException("quantile must be in 0.001..0.999");
        }
    }

    /** For the budget record: what was asked, without any data. */
    public String describe() {
        return metric.wire() + (metric == Metric.QUANTILE ? "(" + quantilePermille / 1000.0 + ")" : "") + " by "
                + groupBy.wire() + (currency == null ? "" : " in " + currency) + ", epsilon " + Epsilon.format(epsilonMicros);
    }
}
