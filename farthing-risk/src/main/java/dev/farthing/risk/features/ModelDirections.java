package dev.farthing.risk.features;

import java.util.Map;

/**
 * Which way a feature may move the fraud model's score (XGBoost monotone constraints, applied when the default
 * model is trained; see {@code dev.farthing.model.gbt.MonotoneConstraints}). {@code +1}: a larger value may
 * raise the score, never lower it; {@code -1}: a smaller value may; {@code 0}: free. A constrained feature's
 * missing value is scored as its quiet end (the end that cannot raise the score).
 *
 * <p>Novelty is not evidence, as a property of the model. Constrained so that the novel or absent end is quiet:
 * <ul>
 *   <li>every {@link FeatureFamily#NOVELTY} feature: a young account, no history, a new device, IP or
 *       instrument, a country change, missing telemetry, a carrier-NAT address;</li>
 *   <li>the payee's and the content's popularity: a new creator or a new post is not riskier than a busy one,
 *       and many young accounts flocking to one payee is a viral burst as often as a farm (linkage decides);</li>
 *   <li>the payer's baseline: with no history there is no habit to deviate from, so a missing deviation is none;</li>
 *   <li>the payer's own counts, sums and time since its last payment, its address's counts and its linked
 *       component: a first payment from a fresh address has counted nothing yet, and "nothing yet" must not
 *       read as risk (more payments and more linked accounts still may).</li>
 * </ul>
 * The other velocity, linkage, telemetry and travel features (device and instrument counts, gaps, input
 * telemetry, travel) stay free: constraining all of them (tried, see {@code docs/DETECTION.md}) made heavy honest
 * users look like bots to the model and cost recall on every attack.
 */
public final class ModelDirections {
    private static final Map<String, Integer> CONSTRAINED = Map.ofEntries(
            Map.entry("account_age_s", 1),
            Map.entry("young_account_flag", -1),
            Map.entry("payer_history_count", 1),
            Map.entry("payer_new_device_flag", -1),
            Map.entry("payer_new_ip_flag", -1),
            Map.entry("payer_new_instrument_flag", -1),
            Map.entry("payer_device_age_s", 1),
            Map.entry("payer_ip_age_s", 1),
            Map.entry("payer_history_span_s", 1),
            Map.entry("payer_known_devices_count", 1),
            Map.entry("payer_country_change_flag", -1),
            Map.entry("telemetry_missing_flag", -1),
            Map.entry("ip_link_capped_flag", -1),
            // A first payment has counted nothing yet: zero payments, payees or linked accounts is the quiet end.
            Map.entry("payer_count_1m", 1),
            Map.entry("payer_count_1h", 1),
            Map.entry("payer_count_24h", 1),
            Map.entry("payer_sum_1m", 1),
            Map.entry("payer_sum_1h", 1),
            Map.entry("payer_sum_24h", 1),
            Map.entry("payer_distinct_payees_count", 1),
            Map.entry("payer_since_last_s", -1),
            // A fresh address (nobody paid from it yet) is not riskier than a busy one.
            Map.entry("ip_count_1m", 1),
            Map.entry("ip_count_1h", 1),
            Map.entry("ip_count_24h", 1),
            Map.entry("component_size_count", 1),
            Map.entry("payee_component_share_1h_ratio", 1),
            Map.entry("payee_component_payments_1h_count", 1),
            Map.entry("payee_count_1m", 1),
            Map.entry("payee_count_1h", 1),
            Map.entry("payee_count_24h", 1),
            Map.entry("payee_sum_1h", 1),
            Map.entry("payee_sum_24h", 1),
            Map.entry("payee_distinct_payers_count", 1),
            Map.entry("payee_new_accounts_count", -1),
            Map.entry("content_count_1m", 1),
            Map.entry("content_count_1h", 1),
            Map.entry("content_count_24h", 1),
            Map.entry("payer_hour_share_ratio", -1),
            Map.entry("payer_amount_deviation_log2", 1),
            Map.entry("payer_amount_percentile_ratio", 1),
            Map.entry("payer_baseline_deviation_score", 1),
            // Evidence features: more of the behaviour may only raise the score.
            Map.entry("payer_fresh_payees_1h_count", 1),
            Map.entry("device_new_payers_24h_count", 1),
            Map.entry("payer_count_1h_vs_day_ratio", 1),
            Map.entry("payer_spend_1h_vs_day_ratio", 1),
            Map.entry("payer_passthrough_24h_ratio", 1));

    private ModelDirections() {
    }

    /** One direction per feature of {@code schema}, in schema order. */
    public static int[] of(FeatureSchema schema) {
        int[] out = new int[schema.size()];
        for (int j = 0; j < out.length; j++) {
            FeatureSchema.Feature f = schema.feature(j);
            Integer d = CONSTRAINED.get(f.name());
            if (d == null && f.family() == FeatureFamily.NOVELTY) {
                throw new IllegalStateException("novelty feature " + f.name() + " has no monotone direction");
            }
            out[j] = d == null ? 0 : d;
        }
        return out;
    }
}
