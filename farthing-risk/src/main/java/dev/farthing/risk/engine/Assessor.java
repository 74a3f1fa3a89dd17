package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentRequest;

/**
 * Features, then model, then policy: the pure decision part of the engine, without money or durability.
 * Single-writer like the feature engine: the decision thread calls both methods, in ledger-time order,
 * so replaying the same payments at the same times rebuilds the same state.
 */
public interface Assessor {

    /** Decides {@code payment} as if at {@code atNanos}; changes no state. */
    Assessment assess(PaymentRequest payment, long atNanos);

    /** Learns from a decided attempt; {@code moved} is true when money moved at once (approved). */
    void record(PaymentRequest payment, long atNanos, boolean moved);

    /** A training label arrived for a payment this assessor scored (for live model metrics). */
    default void labelled(String paymentId, boolean fraud) {
    }
}
