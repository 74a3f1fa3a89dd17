package dev.farthing.risk.review;

import java.util.List;
import java.util.Objects;

/**
 * One payment held for human review: what the engine saw ({@code score}, {@code reasonCodes}), when it was
 * opened, and how it ended ({@code status}, {@code label}, {@code resolvedAt}; 0 and null while open).
 */
public record ReviewItem(String paymentId, long openedAt, double score, List<String> reasonCodes, long amount,
                         String currency, ReviewStatus status, FraudLabel label, long resolvedAt) {
    public ReviewItem {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(status, "status");
        reasonCodes = List.copyOf(reasonCodes);
    }

    public ReviewItem resolve(ReviewStatus outcome, FraudLabel withLabel, long at) {
        if (status != ReviewStatus.OPEN) {
            throw new IllegalStateException("review " + paymentId + " is already " + status.wire());
        }
        return new ReviewItem(paymentId, openedAt, score, reasonCodes, amount, currency, outcome, withLabel, at);
    }
}
