package dev.farthing.risk.review;

import java.util.Objects;

/** A durable training label: payment {@code paymentId} is {@code label}, according to {@code source}, at ledger time {@code atNanos}. */
public record TrainingLabel(String paymentId, FraudLabel label, LabelSource source, long atNanos) {
    public TrainingLabel {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
    }
}
