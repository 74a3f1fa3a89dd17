package dev.farthing.disputes.service;

/**
 * Where dispute outcomes go back to the fraud models as labels: {@code fraud} true when the payer was a fraud
 * victim (refunded, classed fraud), false when the payment was the payer's own (friendly fraud lost, technical,
 * content). The server implements it over the risk engine's label path; a failure is logged, never the cause of
 * a refused decision.
 */
@FunctionalInterface
public interface RiskLabels {
    void label(String paymentId, boolean fraud);

    RiskLabels NONE = (paymentId, fraud) -> { };
}
