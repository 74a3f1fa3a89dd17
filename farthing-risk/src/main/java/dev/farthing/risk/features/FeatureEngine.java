package dev.farthing.risk.features;

import dev.farthing.contracts.payment.PaymentRequest;

/**
 * Computes features for a payment and learns from decided payments. Single-writer: one thread calls both
 * methods, in ledger-time order; nothing here reads the wall clock, so replaying the same payments with the
 * same times gives the same features. Memory is bounded whatever the traffic.
 */
public interface FeatureEngine {

    FeatureSchema schema();

    /** The features of {@code payment} as if it happened at {@code atNanos}; changes no state. */
    FeatureVector extract(PaymentRequest payment, long atNanos);

    /**
     * Records a decided payment attempt at {@code atNanos}. Every attempt counts toward velocity and linking
     * features; {@code moved} says whether money moved (approved, or a hold later posted), which is what the
     * payment graph (cycles, share of income) follows.
     */
    void record(PaymentRequest payment, long atNanos, boolean moved);
}
