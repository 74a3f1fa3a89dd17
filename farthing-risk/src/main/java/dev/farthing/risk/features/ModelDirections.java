package dev.farthing.risk.features;

import java.util.Map;

/**
 * Which way each feature may move the fraud model's score (XGBoost monotone constraints, applied when the
 * default model is trained; see {@code dev.farthing.model.gbt.MonotoneConstraints}). {@code +1}: a larger value
 * may raise the score, never lower it; {@code -1}: a smaller value may; {@code 0}: free. A constrained feature's
 * missing value is scored as its quiet end (the end that cannot raise the score).
 *
 * <p>Novelty is not evidence, as a property of the model: every {@link FeatureFamily#NOVELTY} feature points
 * away from novelty (a young account, no history, a new device, IP or instrument, missing telemetry, a carrier
 * NAT address are the quiet end), and so do the payee's and the address's popularity (a new creator, a fresh
 * IP) and the young accounts flocking to a payee (a viral burst). Evidence features point toward abuse (more
 * payments, more linked accounts, more regular timing, farther from the payer's habits, faster travel), so a
 * missing measurement counts as none. Only the amount and the hour of day are free.
 */
public final class ModelDirections {
    private static final Map<String, Integer> TOWARD_SMALLER = Map.ofEntries(
            // Novelty: the new/absent end (flag = 1) is quiet.
            Map.entry("young_account_flag", -1),
            Map.entry("payer_new_device_flag", -1),
            Map.entry("payer_new_ip_flag", -1),
            Map.entry("payer_new_instrument_flag", -1),
            Map.entry("payer_country_change_flag", -1),
            Map.entry("telemetry_missing_flag", -1),
            Map.entry("ip_link_capped_flag", -1),
            // Many young accounts paying one payee: a viral creator as often as a farm (linkage decides).
            Map.entry("payee_new_accounts_count", -1),
            // Evidence that shows at the small end: tiny charges, short gaps, machine-regular input.
            Map.entry("instrument_mean_amount_1h", -1),
            Map.entry("payer_gap_mean_1h_s", -1),
            Map.entry("payer_since_last_s", -1),
            Map.entry("payer_gap_cv_1h", -1),
            Map.entry("consumption_speed_s", -1),
            Map.entry("keystroke_count", -1),
            Map.entry("keystroke_interval_cv_ratio", -1),
            Map.entry("pointer_moves_count", -1),
            Map.entry("touch_pressure_var_ratio", -1),
            Map.entry("payer_hour_share_ratio", -1));
    private static final Map<String, Integer> FREE = Map.of("amount", 0, "hour_of_day", 0);

    private ModelDirections() {
    }

    /** One direction per feature of {@code schema}, in schema order. */
    public static int[] of(FeatureSchema schema) {
        int[] out = new int[schema.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = of(schema.feature(j));
        }
        return out;
    }

    /**
     * Everything not listed points toward larger values: counts, sums, distinct counts, ages and history (larger =
     * more established, so the novel end is quiet), deviation, travel, straightness, bot signals, cycles.
     */
    static int of(FeatureSchema.Feature feature) {
        Integer fixed = FREE.get(feature.name());
        if (fixed != null) {
            return fixed;
        }
        return TOWARD_SMALLER.getOrDefault(feature.name(), 1);
    }
}
