package dev.farthing.customers.analytics;

import dev.farthing.customers.analytics.AnalyticsQuery.GroupBy;
import dev.farthing.customers.analytics.AnalyticsQuery.Metric;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contribution bounding, clipping, thresholded release and the metrics, read with an epsilon so large that the
 * noise is zero (so every figure is exact), then with the real defaults for the threshold and the noise's spread.
 */
class PrivateQueryTest {
    private static final long HUGE_EPSILON = 1_000_000L * Epsilon.MICROS;
    private static final long CLIP = AnalyticsConfig.DEFAULTS.clipMinor(2); // 10.00 in cents
    private static final long DAY = LocalDate.parse("2026-12-01").toEpochDay();

    private static long seed() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("PrivateQueryTest seed " + seed + " (-Dfarthing.seed=" + seed + " reproduces)");
        return seed;
    }

    /** creator-a: one heavy payer (100 payments of 50.00) and 19 light ones (1.00 each); creator-b: 3 payers. */
    private static List<PaymentFact> facts() {
        List<PaymentFact> facts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            facts.add(new PaymentFact("subject_heavy", "creator-a", "DE", DAY + i % 3, "EUR", 5_000));
        }
        for (int s = 0; s < 19; s++) {
            facts.add(new PaymentFact("subject_" + s, "creator-a", "FR", DAY, "EUR", 100));
        }
        for (int s = 0; s < 3; s++) {
            facts.add(new PaymentFact("subject_b" + s, "creator-b", "FR", DAY, "EUR", 100));
        }
        facts.add(new PaymentFact("subject_usd", "creator-a", "US", DAY, "USD", 100));
        return facts;
    }

    private static PrivateAnswer run(Metric metric, GroupBy by, long epsilonMicros, String currency, long seed) {
        AnalyticsQuery q = new AnalyticsQuery(metric, by, epsilonMicros, currency, 500);
        List<PaymentFact> facts = facts();
        return new PrivateQuery(q, AnalyticsConfig.DEFAULTS, CLIP, new SplittableRandom(seed)).run(facts::forEach);
    }

    @Test
    void eachSubjectCountsAtMostMaxRowsAndSmallGroupsAreNotReleased() {
        PrivateAnswer a = run(Metric.COUNT, GroupBy.CREATOR, HUGE_EPSILON, "EUR", seed());
        assertThat(a.threshold()).isEqualTo(AnalyticsConfig.DEFAULTS.maxRowsPerSubject() + 1);
        // the heavy payer's 100 payments count as 5; creator-b (3 payments) stays below the threshold
        assertThat(a.groups()).containsExactly(new PrivateAnswer.Group("creator-a", 5 + 19, 5 + 19));
    }

    @Test
    void countWithoutCurrencyCountsEveryCurrency() {
        PrivateAnswer a = run(Metric.COUNT, GroupBy.CREATOR, HUGE_EPSILON, null, seed());
        assertThat(a.groups()).containsExactly(new PrivateAnswer.Group("creator-a", 25, 25));
    }

    @Test
    void amountsAreClippedBeforeSumsAndMeans() {
        long seed = seed();
        PrivateAnswer sum = run(Metric.SUM, GroupBy.CREATOR, HUGE_EPSILON, "EUR", seed);
        assertThat(sum.clipMinor()).isEqualTo(1_000);
        assertThat(sum.groups()).containsExactly(new PrivateAnswer.Group("creator-a", 24, 5 * 1_000 + 19 * 100));
        PrivateAnswer mean = run(Metric.MEAN, GroupBy.CREATOR, HUGE_EPSILON, "EUR", seed);
        assertThat(mean.groups()).containsExactly(new PrivateAnswer.Group("creator-a", 24, Math.round(6_900 / 24.0)));
    }

    @Test
    void theQuantileIsTheBucketHoldingIt() {
        long seed = seed();
        PrivateAnswer median = run(Metric.QUANTILE, GroupBy.COUNTRY, HUGE_EPSILON, "EUR", seed);
        // FR: 22 payments of 1.00 -> bucket (50, 100]; DE: the heavy payer alone (5 rows) is below the threshold
        assertThat(median.groups()).containsExactly(new PrivateAnswer.Group("FR", 22, 100));
        assertThat(Buckets.upperBounds(1_000)).containsExactly(1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000);
    }

    @Test
    void groupsByDayAreIsoDates() {
        PrivateAnswer a = run(Metric.COUNT, GroupBy.DAY, HUGE_EPSILON, "EUR", seed());
        assertThat(a.groups()).extracting(PrivateAnswer.Group::key).containsExactly("2026-12-01");
    }

    @Test
    void theThresholdIsTheSmallestWithinDelta() {
        AnalyticsQuery q = new AnalyticsQuery(Metric.COUNT, GroupBy.DAY, Epsilon.MICROS, null, 500);
        PrivateQuery query = new PrivateQuery(q, AnalyticsConfig.DEFAULTS, 1, new SplittableRandom(1));
        int m = AnalyticsConfig.DEFAULTS.maxRowsPerSubject();
        double b = m; // sensitivity m over epsilon 1
        long tau = query.threshold(b);
        double delta = AnalyticsConfig.DEFAULTS.delta();
        assertThat(m * DiscreteLaplace.tailAtLeast(tau - m, b)).isLessThanOrEqualTo(delta);
        assertThat(m * DiscreteLaplace.tailAtLeast(tau - m - 1, b)).isGreaterThan(delta);
    }

    @Test
    void withRealEpsilonTheNoiseHasTheStatedScale() {
        SplittableRandom random = new SplittableRandom(seed());
        List<PaymentFact> facts = new ArrayList<>();
        for (int s = 0; s < 400; s++) {
            facts.add(new PaymentFact("subject_" + s, "creator-a", "FR", DAY, "EUR", 100));
        }
        AnalyticsQuery q = new AnalyticsQuery(Metric.COUNT, GroupBy.CREATOR, Epsilon.MICROS, "EUR", 500);
        double sumSquares = 0;
        int runs = 2_000;
        for (int i = 0; i < runs; i++) {
            PrivateAnswer a = new PrivateQuery(q, AnalyticsConfig.DEFAULTS, CLIP, random).run(facts::forEach);
            assertThat(a.countScale()).isEqualTo(5.0);
            long error = a.groups().getFirst().count() - 400;
            sumSquares += (double) error * error;
        }
        double p = Math.exp(-1 / 5.0);
        double variance = 2 * p / ((1 - p) * (1 - p));
        assertThat(sumSquares / runs / variance).isBetween(0.85, 1.15);
    }
}
