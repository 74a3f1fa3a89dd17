package dev.farthing.risk.features;

import java.util.ArrayList;
import java.util.List;

import static dev.farthing.risk.features.FeatureFamily.BASELINE;
import static dev.farthing.risk.features.FeatureFamily.CONTEXT;
import static dev.farthing.risk.features.FeatureFamily.LINKAGE;
import static dev.farthing.risk.features.FeatureFamily.NOVELTY;
import static dev.farthing.risk.features.FeatureFamily.TELEMETRY;
import static dev.farthing.risk.features.FeatureFamily.TRAVEL;
import static dev.farthing.risk.features.FeatureFamily.VELOCITY;

/**
 * The features {@link DefaultFeatureEngine} computes, in schema order, with their units and meanings. Names are
 * snake_case; where a unit token applies it comes last ({@code _s}, {@code _km}, {@code _kmh}, {@code _ratio},
 * {@code _flag}, {@code _score}); windowed counts and sums end with their window. Counts, sums and distinct
 * counts describe payments recorded BEFORE the one being scored. Missing is NaN.
 *
 * <p>Every feature has a {@link FeatureFamily}. Novelty and context are normal in any value; a few evidence
 * features have a normal band, and a value at or beyond {@code evidenceFrom} is evidence of abuse that lets a
 * decline stand (see {@code PolicySet#evaluate}). Bands sit at or below the default policy's own decline and
 * challenge thresholds and above what people do: one payment a minute for hours (per-minute video), a family
 * sharing a device or a card, a viral creator's income, a carrier NAT address.
 */
final class FeatureCatalog {
    private static final List<FeatureSchema.Feature> LIST = new ArrayList<>();
    static final String[] WINDOW_SUFFIX = {"1m", "1h", "24h"};

    static final int AMOUNT = add("amount", "minor_units", CONTEXT, "amount of this payment");
    static final int HOUR_OF_DAY = add("hour_of_day", "hours", CONTEXT, "UTC hour of day of this payment, 0..23");
    static final int ACCOUNT_AGE_S = add("account_age_s", "seconds", NOVELTY, "payment time minus the payer's account_created_at");
    static final int YOUNG_ACCOUNT_FLAG = add("young_account_flag", "flag", NOVELTY, "1 if the payer's account is younger than the configured young-account age (7 days)");
    static final int CONSUMPTION_SPEED_S = add("consumption_speed_s", "seconds", TELEMETRY, "payment time minus content_started_at: how long the content was consumed before paying");
    /** COUNTS[kind][window]: payments of the entity in the window. */
    static final int[][] COUNTS = windowCounts();
    static final int PAYER_SUM_1M = add("payer_sum_1m", "minor_units", VELOCITY, "amount paid by the payer in the last minute");
    static final int PAYER_SUM_1H = add("payer_sum_1h", "minor_units", VELOCITY, "amount paid by the payer in the last hour");
    static final int PAYER_SUM_24H = add("payer_sum_24h", "minor_units", VELOCITY, "amount paid by the payer in the last 24 hours");
    static final int PAYEE_SUM_1H = add("payee_sum_1h", "minor_units", CONTEXT, "amount received by the payee in the last hour");
    static final int PAYEE_SUM_24H = add("payee_sum_24h", "minor_units", CONTEXT, "amount received by the payee in the last 24 hours");
    static final int DEVICE_SUM_1H = add("device_sum_1h", "minor_units", VELOCITY, "amount paid from the device in the last hour");
    static final int INSTRUMENT_SUM_1H = add("instrument_sum_1h", "minor_units", VELOCITY, "amount charged to the instrument in the last hour");
    static final int INSTRUMENT_MEAN_AMOUNT_1H = add("instrument_mean_amount_1h", "minor_units", VELOCITY, "mean amount per payment on the instrument in the last hour (tiny = card testing)");
    static final int PAYER_DISTINCT_PAYEES = add("payer_distinct_payees_count", "count", CONTEXT, "distinct payees of the payer (HLL, while the payer is tracked)");
    static final int PAYEE_DISTINCT_PAYERS = add("payee_distinct_payers_count", "count", CONTEXT, "distinct payers of the payee (HLL)");
    static final int PAYEE_NEW_ACCOUNTS = add("payee_new_accounts_count", "count", CONTEXT, "distinct young accounts that paid the payee (HLL; account farms)");
    static final int DEVICE_DISTINCT_ACCOUNTS = evidence("device_distinct_accounts_count", "count", LINKAGE, 5, "distinct payer accounts seen on the device (HLL)");
    static final int DEVICE_DISTINCT_INSTRUMENTS = evidence("device_distinct_instruments_count", "count", LINKAGE, 4, "distinct instruments used on the device (HLL; card testing)");
    static final int IP_DISTINCT_ACCOUNTS = add("ip_distinct_accounts_count", "count", LINKAGE, "distinct payer accounts seen on the IP (HLL)");
    static final int IP_DISTINCT_INSTRUMENTS = add("ip_distinct_instruments_count", "count", LINKAGE, "distinct instruments used from the IP (HLL; card testing across devices)");
    static final int INSTRUMENT_DISTINCT_ACCOUNTS = evidence("instrument_distinct_accounts_count", "count", LINKAGE, 4, "distinct payer accounts using the instrument (HLL)");
    static final int PAYER_GAP_CV_1H = add("payer_gap_cv_1h", "ratio", TELEMETRY, "coefficient of variation of the payer's gaps between payments in the last hour, this one included (near 0 = scripted); NaN under 3 gaps");
    static final int PAYER_GAP_MEAN_1H_S = add("payer_gap_mean_1h_s", "seconds", VELOCITY, "mean gap between the payer's payments in the last hour; NaN under 3 gaps");
    static final int PAYER_SINCE_LAST_S = add("payer_since_last_s", "seconds", VELOCITY, "time since the payer's previous payment");
    static final int PAYER_HISTORY_COUNT = add("payer_history_count", "count", NOVELTY, "payments recorded for the payer while tracked");
    static final int PAYER_AMOUNT_PERCENTILE_RATIO = add("payer_amount_percentile_ratio", "ratio", BASELINE, "share of the payer's past payments with a smaller amount (log2 buckets)");
    static final int PAYER_AMOUNT_DEVIATION_LOG2 = add("payer_amount_deviation_log2", "log2", BASELINE, "distance in powers of two between this amount and the payer's median amount");
    static final int PAYER_HOUR_SHARE_RATIO = add("payer_hour_share_ratio", "ratio", BASELINE, "share of the payer's past payments within an hour of this hour of day");
    static final int PAYER_BASELINE_DEVIATION_SCORE = evidence("payer_baseline_deviation_score", "score", BASELINE, 4, "amount deviation (log2) plus up to 2 for an unusual hour; 0 = usual");
    static final int PAYER_NEW_DEVICE_FLAG = add("payer_new_device_flag", "flag", NOVELTY, "1 if the payer has history but not with this device");
    static final int PAYER_NEW_IP_FLAG = add("payer_new_ip_flag", "flag", NOVELTY, "1 if the payer has history but not from this IP");
    static final int PAYER_NEW_INSTRUMENT_FLAG = add("payer_new_instrument_flag", "flag", NOVELTY, "1 if the payer has history but not with this instrument");
    static final int PAYER_DEVICE_AGE_S = add("payer_device_age_s", "seconds", NOVELTY, "time since the payer first used this device (0 if new); small against payer_history_span_s = takeover");
    static final int PAYER_IP_AGE_S = add("payer_ip_age_s", "seconds", NOVELTY, "time since the payer first used this IP (0 if new)");
    static final int PAYER_HISTORY_SPAN_S = add("payer_history_span_s", "seconds", NOVELTY, "time since the payer's first recorded payment");
    static final int PAYER_KNOWN_DEVICES_COUNT = add("payer_known_devices_count", "count", NOVELTY, "devices remembered for the payer (at most the configured few)");
    static final int PAYER_COUNTRY_CHANGE_FLAG = add("payer_country_change_flag", "flag", NOVELTY, "1 if the country differs from the payer's previous payment");
    static final int PAYER_TRAVEL_DISTANCE_KM = add("payer_travel_distance_km", "km", TRAVEL, "great-circle distance from the payer's previous geo");
    static final int PAYER_TRAVEL_SPEED_KMH = add("payer_travel_speed_kmh", "km_per_hour", TRAVEL, "speed implied since the previous geo, beyond 10 km of geolocation slack, over at least 1 minute (impossible travel)");
    static final int KEYSTROKE_COUNT = add("keystroke_count", "count", TELEMETRY, "keystroke intervals reported by the client");
    static final int KEYSTROKE_INTERVAL_CV_RATIO = add("keystroke_interval_cv_ratio", "ratio", TELEMETRY, "coefficient of variation of keystroke intervals (near 0 = scripted typing); NaN under 3");
    static final int POINTER_MOVES_COUNT = add("pointer_moves_count", "count", TELEMETRY, "pointer moves reported by the client");
    static final int POINTER_STRAIGHTNESS_RATIO = add("pointer_straightness_ratio", "ratio", TELEMETRY, "pointer path straightness 0..1 (1 = ruler straight)");
    static final int TOUCH_PRESSURE_VAR_RATIO = add("touch_pressure_var_ratio", "ratio", TELEMETRY, "variance of touch pressure (0 = synthetic touches)");
    static final int TELEMETRY_MISSING_FLAG = add("telemetry_missing_flag", "flag", NOVELTY, "1 if the client sent no telemetry");
    static final int TELEMETRY_BOT_SIGNALS_COUNT = evidence("telemetry_bot_signals_count", "count", TELEMETRY, 2, "bot tells present: regular keystrokes (CV<0.15), straightness>0.97, zero touch variance, no pointer moves");
    static final int COMPONENT_SIZE = add("component_size_count", "count", LINKAGE, "accounts linked to the payer through shared devices, IPs and instruments, this payment's links included");
    static final int PAYEE_COMPONENT_SHARE_1H_RATIO = add("payee_component_share_1h_ratio", "ratio", LINKAGE, "share of the payee's income in the last hour (recent payments kept) from the payer's linked component");
    static final int PAYEE_COMPONENT_PAYMENTS_1H = add("payee_component_payments_1h_count", "count", LINKAGE, "payments to the payee in the last hour from the payer's linked component");
    static final int CYCLE_HOPS = evidence("payment_cycle_hops", "hops", LINKAGE, 2, "length of the shortest recent cycle of moved money this payment closes (A→B→A = 2), 0 if none");
    static final int IP_LINK_CAPPED_FLAG = add("ip_link_capped_flag", "flag", NOVELTY, "1 if the IP is shared by too many accounts to link them (carrier NAT)");
    // Evidence of behaviour, not of newness (EvidenceFeatures): each is 0 or about 1 for a first payment, a new
    // device, a new payee or a shared address, and grows only with what an entity keeps doing.
    static final int PAYER_FRESH_PAYEES_1H = add("payer_fresh_payees_1h_count", "count", LINKAGE, "distinct payees the payer paid in the last hour (before this payment) that had fewer than 3 distinct payers when paid: fan-out to fresh accounts (mules, farms); at most 8");
    static final int DEVICE_NEW_PAYERS_24H = add("device_new_payers_24h_count", "count", LINKAGE, "other payer accounts that first used this device in the last 24 hours (of the last 8 seen on it): a device taken up by many accounts at once, not a family tablet");
    static final int PAYER_COUNT_1H_VS_DAY_RATIO = add("payer_count_1h_vs_day_ratio", "ratio", VELOCITY, "(payments in the last hour + 1) / (1 + hourly mean of the 23 hours before): a burst against the payer's own day; about 1 for a first payment");
    static final int PAYER_SPEND_1H_VS_DAY_RATIO = add("payer_spend_1h_vs_day_ratio", "ratio", VELOCITY, "(amount in the last hour + this amount) / (this amount + hourly mean amount of the 23 hours before): 1 for a first payment");
    static final int PAYER_RECEIVED_SUM_24H = add("payer_received_sum_24h", "minor_units", CONTEXT, "amount the payer itself received as a payee in the last 24 hours");
    static final int PAYER_PASSTHROUGH_24H_RATIO = add("payer_passthrough_24h_ratio", "ratio", LINKAGE, "(amount paid in the last 24 hours + this amount) / amount received in the last 24 hours: money passed on as it arrives (mules); 0 when nothing was received");

    static final FeatureSchema SCHEMA = new FeatureSchema(LIST);

    private FeatureCatalog() {
    }

    private static int add(String name, String unit, FeatureFamily family, String description) {
        LIST.add(new FeatureSchema.Feature(name, unit, description, family, Double.POSITIVE_INFINITY));
        return LIST.size() - 1;
    }

    /** A feature that corroborates a decline from {@code evidenceFrom} on. */
    private static int evidence(String name, String unit, FeatureFamily family, double evidenceFrom,
                                String description) {
        LIST.add(new FeatureSchema.Feature(name, unit, description, family, evidenceFrom));
        return LIST.size() - 1;
    }

    private static int[][] windowCounts() {
        String[] spans = {"last minute", "last hour", "last 24 hours"};
        int[][] idx = new int[EntityKind.values().length][3];
        for (EntityKind kind : EntityKind.values()) {
            double[] bands = countBands(kind);
            for (int w = 0; w < 3; w++) {
                String name = kind.prefix + "_count_" + WINDOW_SUFFIX[w];
                String description = "payments involving this " + kind.prefix + " in the " + spans[w];
                idx[kind.ordinal()][w] = bands == null ? add(name, "count", CONTEXT, description)
                        : bands[w] == Double.POSITIVE_INFINITY ? add(name, "count", VELOCITY, description)
                        : evidence(name, "count", VELOCITY, bands[w], description);
            }
        }
        return idx;
    }

    /**
     * Velocity bands per window (1m, 1h, 24h) for the entities one person controls; null for payees, IPs and
     * content, whose volume is popularity or address sharing (viral creators, carrier NAT), not abuse.
     */
    private static double[] countBands(EntityKind kind) {
        double none = Double.POSITIVE_INFINITY;
        return switch (kind) {
            case PAYER -> new double[] {8, 81, 1001};
            case DEVICE, INSTRUMENT -> new double[] {10, 121, none};
            case PAYEE, IP, CONTENT -> null;
        };
    }
}
