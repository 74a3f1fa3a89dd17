package dev.farthing.disputes.evidence;

import java.util.Objects;

/**
 * Proof of delivery the platform recorded ({@code POST /v1/deliveries}): the content of a payment was delivered at
 * {@code deliveredAt} (ns since the epoch); {@code progress} 0..1 how much of it was consumed, or null when unknown.
 */
public record Delivery(String paymentId, String contentId, long deliveredAt, Double progress, long recordedAt) {
    public Delivery {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(contentId, "contentId");
        if (progress != null && (progress.isNaN() || progress < 0 || progress > 1)) {
            throw new IllegalArgumentException("progress must be 0..1");
        }
    }

    /** Consumed in full, or at least mostly (when it is known). */
    public boolean consumed() {
        return progress == null || progress >= 0.8;
    }
}
