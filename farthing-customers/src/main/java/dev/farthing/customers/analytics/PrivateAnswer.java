package dev.farthing.customers.analytics;

import java.util.List;

/**
 * A differentially private answer and how it was made, so the analyst can judge its accuracy: each released group
 * with its noisy payment count and the metric's noisy value (minor units for the money metrics); the noise scales
 * (discrete Laplace, per group), the release threshold on the noisy count and the bounds on each subject.
 * {@code clipMinor} is 0 for {@code count}.
 */
public record PrivateAnswer(AnalyticsQuery query, List<Group> groups, int maxRowsPerSubject, long clipMinor,
                            double delta, long threshold, double countScale, double valueScale, long remainingMicros) {

    public record Group(String key, long count, long value) {
    }

    public PrivateAnswer withRemaining(long remaining) {
        return new PrivateAnswer(query, groups, maxRowsPerSubject, clipMinor, delta, threshold, countScale, valueScale,
                remaining);
    }
}
