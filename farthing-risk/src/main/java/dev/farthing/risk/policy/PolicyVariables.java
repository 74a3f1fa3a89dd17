package dev.farthing.risk.policy;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.farthing.risk.features.FeatureSchema;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables a policy can name, with their CEL types, units and how to read them from a
 * {@link PolicyInput}. Each has a slot so one payment's activation reads (and boxes) a value at most once.
 * <ul>
 *   <li>{@code features.NAME} (double) for every feature of the schema, in the schema's unit; NaN = unknown;</li>
 *   <li>{@code score.fraud}, {@code score.anomaly} (double, 0..1; NaN when no model is active);</li>
 *   <li>{@code model.decline_threshold}, {@code model.review_threshold}, {@code model.challenge_threshold}
 *       (double, probability): the active model's bands, chosen at training from held-out legitimate scores for
 *       a target false-decline rate; NaN when no model is active or its bundle has none;</li>
 *   <li>{@code contribution.NAME} (double, log-odds) for every feature: its exact TreeSHAP contribution to the
 *       fraud model's margin for this payment; NaN when no model is active or it cannot be explained. Reading
 *       one computes the payment's contributions (tens of microseconds and more), so prefer guarding it with a
 *       cheap condition first ({@code score.fraud > 0.5 && contribution.amount > 1.0});</li>
 *   <li>{@code payment.amount}, {@code payment.fee_amount} (int, minor units), {@code payment.currency},
 *       {@code payment.country} ("" when absent), {@code payment.payer}, {@code payment.payee} (string),
 *       {@code payment.has_fee}, {@code payment.has_geo}, {@code payment.has_telemetry},
 *       {@code payment.has_content}, {@code payment.has_instrument} (bool), {@code payment.hour_utc} (int 0..23).</li>
 * </ul>
 */
final class PolicyVariables {
    private static final long NANOS_PER_HOUR = 3_600_000_000_000L;
    /**
     * The request's own money and identity fields: a rule that reads only these is a hard rule (a limit, a
     * currency or country rule, a block list of accounts) and may decline without other evidence.
     */
    private static final Set<String> REQUEST_FIELDS = Set.of("payment.amount", "payment.fee_amount",
            "payment.currency", "payment.country", "payment.payer", "payment.payee");

    /** How a variable's value is read from one payment's input; returns a boxed CEL value. */
    @FunctionalInterface
    interface Reader {
        Object read(PolicyInput input);
    }

    record Variable(String name, CelType type, String unit, int slot, Reader reader) {
    }

    private final FeatureSchema schema;
    private final List<Variable> all = new ArrayList<>();
    private final Map<String, Variable> byName = new HashMap<>();

    PolicyVariables(FeatureSchema schema) {
        this.schema = schema;
        for (int i = 0; i < schema.size(); i++) {
            int index = i;
            FeatureSchema.Feature f = schema.feature(i);
            add("features." + f.name(), SimpleType.DOUBLE, f.unit(), in -> in.features().get(index));
        }
        for (int i = 0; i < schema.size(); i++) {
            int index = i;
            add("contribution." + schema.feature(i).name(), SimpleType.DOUBLE, "log_odds",
                    in -> in.explanation().fraudContribution(index));
        }
        add("score.fraud", SimpleType.DOUBLE, "probability", PolicyInput::fraudScore);
        add("score.anomaly", SimpleType.DOUBLE, "score_0_1", PolicyInput::anomalyScore);
        add("model.decline_threshold", SimpleType.DOUBLE, "probability", in -> in.thresholds().decline());
        add("model.review_threshold", SimpleType.DOUBLE, "probability", in -> in.thresholds().review());
        add("model.challenge_threshold", SimpleType.DOUBLE, "probability", in -> in.thresholds().challenge());
        addPaymentVariables();
    }

    private void addPaymentVariables() {
        add("payment.amount", SimpleType.INT, "minor_units", in -> in.payment().amount());
        add("payment.fee_amount", SimpleType.INT, "minor_units",
                in -> in.payment().fee() == null ? 0L : in.payment().fee().amount());
        add("payment.currency", SimpleType.STRING, "", in -> in.payment().currency());
        add("payment.country", SimpleType.STRING, "", in -> orEmpty(context(in).country()));
        add("payment.payer", SimpleType.STRING, "", in -> in.payment().payer());
        add("payment.payee", SimpleType.STRING, "", in -> in.payment().payee());
        add("payment.has_fee", SimpleType.BOOL, "", in -> in.payment().fee() != null);
        add("payment.has_geo", SimpleType.BOOL, "", in -> context(in).geo() != null);
        add("payment.has_telemetry", SimpleType.BOOL, "", in -> context(in).telemetry() != null);
        add("payment.has_content", SimpleType.BOOL, "", in -> context(in).contentId() != null);
        add("payment.has_instrument", SimpleType.BOOL, "", in -> context(in).instrumentId() != null);
        add("payment.hour_utc", SimpleType.INT, "hour", in -> Math.floorMod(
                Math.floorDiv(in.atNanos(), NANOS_PER_HOUR), 24L));
    }

    private static PaymentContext context(PolicyInput in) {
        PaymentRequest p = in.payment();
        return p.context();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private void add(String name, CelType type, String unit, Reader reader) {
        Variable v = new Variable(name, type, unit, all.size(), reader);
        all.add(v);
        byName.put(name, v);
    }

    FeatureSchema schema() {
        return schema;
    }

    List<Variable> all() {
        return all;
    }

    int size() {
        return all.size();
    }

    /** The variable, or null when no such variable exists. */
    Variable get(String name) {
        return byName.get(name);
    }

    /** True for a variable that is one of the request's money or identity fields (see {@link #REQUEST_FIELDS}). */
    static boolean isRequestField(String name) {
        return REQUEST_FIELDS.contains(name);
    }

    /** True for variables whose rules are explained by the fraud model's contributions. */
    static boolean explainedByFraudModel(Variable v) {
        return v.name().equals("score.fraud") || v.name().startsWith("contribution.");
    }

    /** True for the namespaces a policy's variables live in (so {@code features.typo} is reported by name). */
    static boolean isNamespace(String identifier) {
        return identifier.equals("features") || identifier.equals("score") || identifier.equals("payment")
                || identifier.equals("model") || identifier.equals("contribution");
    }
}
