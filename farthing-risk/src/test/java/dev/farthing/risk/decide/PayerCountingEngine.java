package dev.farthing.risk.decide;

import dev.farthing.risk.features.FeatureEngine;
import dev.farthing.risk.features.FeatureSchema;
import dev.farthing.risk.features.FeatureVector;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny hand-checkable feature engine for pipeline tests: payer_count counts the payer's recorded payments,
 * amount is the payment's amount, and mystery is always unknown (NaN). A payer count of 2 or more is velocity
 * evidence (novelty is not evidence: without it declines and reviews are lowered to challenges).
 */
final class PayerCountingEngine implements FeatureEngine {
    static final FeatureSchema SCHEMA = new FeatureSchema(List.of(
            new FeatureSchema.Feature("payer_count", "count", "payments recorded for the payer",
                    dev.farthing.risk.features.FeatureFamily.VELOCITY, 2),
            new FeatureSchema.Feature("amount", "minor_units", "this payment's amount"),
            new FeatureSchema.Feature("mystery", "ratio", "never known")));

    private final Map<String, Integer> counts = new HashMap<>();
    int recorded;
    boolean allMoved = true;

    @Override
    public FeatureSchema schema() {
        return SCHEMA;
    }

    @Override
    public FeatureVector extract(PaymentRequest payment, long atNanos) {
        return new FeatureVector(SCHEMA, new double[] {counts.getOrDefault(payment.payer(), 0), payment.amount(),
                Double.NaN});
    }

    @Override
    public void record(PaymentRequest payment, long atNanos, boolean moved) {
        counts.merge(payment.payer(), 1, Integer::sum);
        recorded++;
        allMoved &= moved;
    }
}
