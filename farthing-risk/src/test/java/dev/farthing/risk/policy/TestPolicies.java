package dev.farthing.risk.policy;

import dev.farthing.model.RiskModel;
import dev.farthing.risk.features.FeatureFamily;
import dev.farthing.risk.features.FeatureSchema;
import dev.farthing.risk.features.FeatureVector;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.List;

/**
 * A small hand-made feature schema and inputs for policy tests. Evidence (novelty is not evidence): a payer
 * count of 20 or more, or 4 or more accounts on the device; the gap CV has no band, the account age is novelty.
 */
final class TestPolicies {
    static final double NO_BAND = Double.POSITIVE_INFINITY;
    static final FeatureSchema SCHEMA = new FeatureSchema(List.of(
            new FeatureSchema.Feature("payer_count_1h", "count", "payments by the payer in the last hour",
                    FeatureFamily.VELOCITY, 20),
            new FeatureSchema.Feature("payer_gap_cv_1h", "ratio", "coefficient of variation of gaps",
                    FeatureFamily.TELEMETRY, NO_BAND),
            new FeatureSchema.Feature("device_accounts_24h", "count", "accounts seen on the device",
                    FeatureFamily.LINKAGE, 4),
            new FeatureSchema.Feature("account_age_s", "seconds", "age of the payer's account",
                    FeatureFamily.NOVELTY, NO_BAND)));

    private TestPolicies() {
    }

    static PaymentRequest payment(long amount) {
        PaymentContext ctx = new PaymentContext("dev-1", "10.0.0.1", "DE", null, null, null, null,
                PaymentContext.UNKNOWN, null, PaymentContext.UNKNOWN, null);
        return new PaymentRequest("p-1", "alice", "bob", amount, "EUR", null, ctx);
    }

    /** Features in schema order: payer_count_1h, payer_gap_cv_1h, device_accounts_24h, account_age_s. */
    static PolicyInput input(double... features) {
        return input(null, features);
    }

    static PolicyInput input(RiskModel.Scores scores, double... features) {
        return new PolicyInput(payment(100), new FeatureVector(SCHEMA, features), scores, 0L);
    }

    static PolicySet compile(String source) {
        return PolicyCompiler.compile(source, SCHEMA);
    }
}
