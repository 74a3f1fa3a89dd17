package dev.farthing.risk.features;

import dev.farthing.contracts.payment.PaymentContext;

import static dev.farthing.risk.features.FeatureCatalog.*;

/** The payer's history features: timing regularity, baseline deviation, new identifiers, travel. */
final class PayerFeatures {
    /** Geolocation noise (IP geolocation is city-level at best) that never counts as travel. */
    static final double GEO_SLACK_KM = 10;
    /** Shortest elapsed time a travel speed is computed over, so near-simultaneous payments don't explode. */
    static final long MIN_TRAVEL_NANOS = FeatureConfig.MINUTE;

    private PayerFeatures() {
    }

    static void fill(PayerState s, PaymentContext c, long amount, int hour, long atNanos, double[] scratch,
                     double[] v) {
        if (s == null) {
            v[PAYER_HISTORY_COUNT] = 0;
            v[PAYER_DISTINCT_PAYEES] = 0;
            return; // everything else about an unknown payer is missing
        }
        v[PAYER_HISTORY_COUNT] = s.payments;
        v[PAYER_DISTINCT_PAYEES] = s.first.estimate();
        v[PAYER_SINCE_LAST_S] = s.gaps.sinceLastSeconds(atNanos);
        s.gaps.gapStats(atNanos, FeatureConfig.HOUR, scratch);
        v[PAYER_GAP_CV_1H] = scratch[0];
        v[PAYER_GAP_MEAN_1H_S] = scratch[1];
        double deviation = s.baseline.amountDeviationLog2(amount);
        double hourShare = s.baseline.hourShare(hour);
        v[PAYER_AMOUNT_PERCENTILE_RATIO] = s.baseline.amountPercentile(amount);
        v[PAYER_AMOUNT_DEVIATION_LOG2] = deviation;
        v[PAYER_HOUR_SHARE_RATIO] = hourShare;
        v[PAYER_BASELINE_DEVIATION_SCORE] = PayerBaseline.deviationScore(deviation, hourShare);
        identity(s, c, atNanos, v);
        travel(s, c, atNanos, v);
    }

    private static void identity(PayerState s, PaymentContext c, long atNanos, double[] v) {
        if (s.payments == 0) {
            return;
        }
        v[PAYER_DEVICE_AGE_S] = s.devices.ageSeconds(c.deviceId(), atNanos);
        v[PAYER_IP_AGE_S] = s.ips.ageSeconds(c.ip(), atNanos);
        v[PAYER_HISTORY_SPAN_S] = (atNanos - s.firstPaymentAtNanos) / 1e9;
        v[PAYER_NEW_DEVICE_FLAG] = s.devices.contains(c.deviceId()) ? 0 : 1;
        v[PAYER_NEW_IP_FLAG] = s.ips.contains(c.ip()) ? 0 : 1;
        if (c.instrumentId() != null && s.instruments.size() > 0) {
            v[PAYER_NEW_INSTRUMENT_FLAG] = s.instruments.contains(c.instrumentId()) ? 0 : 1;
        }
        v[PAYER_KNOWN_DEVICES_COUNT] = s.devices.size();
        if (c.country() != null && s.lastCountry != null) {
            v[PAYER_COUNTRY_CHANGE_FLAG] = c.country().equals(s.lastCountry) ? 0 : 1;
        }
    }

    private static void travel(PayerState s, PaymentContext c, long atNanos, double[] v) {
        if (c.geo() == null || s.lastGeoAtNanos == PaymentContext.UNKNOWN) {
            return;
        }
        double km = Haversine.km(s.lastLat, s.lastLon, c.geo().lat(), c.geo().lon());
        double hours = Math.max(atNanos - s.lastGeoAtNanos, MIN_TRAVEL_NANOS) / (double) FeatureConfig.HOUR;
        v[PAYER_TRAVEL_DISTANCE_KM] = km;
        v[PAYER_TRAVEL_SPEED_KMH] = Math.max(0, km - GEO_SLACK_KM) / hours;
    }

    /** Learns from a recorded payment. */
    static void record(PayerState s, PaymentContext c, String payee, long amount, int hour, long atNanos) {
        if (s.payments++ == 0) {
            s.firstPaymentAtNanos = atNanos;
        }
        s.first.add(payee);
        s.gaps.add(atNanos);
        s.baseline.add(amount, hour);
        s.devices.add(c.deviceId(), atNanos);
        s.ips.add(c.ip(), atNanos);
        s.instruments.add(c.instrumentId(), atNanos);
        if (c.geo() != null) {
            s.lastGeoAtNanos = atNanos;
            s.lastLat = c.geo().lat();
            s.lastLon = c.geo().lon();
        }
        if (c.country() != null) {
            s.lastCountry = c.country();
        }
    }
}
