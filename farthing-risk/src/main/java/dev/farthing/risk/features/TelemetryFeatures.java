package dev.farthing.risk.features;

import dev.farthing.contracts.payment.PaymentContext.Telemetry;

import static dev.farthing.risk.features.FeatureCatalog.KEYSTROKE_COUNT;
import static dev.farthing.risk.features.FeatureCatalog.KEYSTROKE_INTERVAL_CV_RATIO;
import static dev.farthing.risk.features.FeatureCatalog.POINTER_MOVES_COUNT;
import static dev.farthing.risk.features.FeatureCatalog.POINTER_STRAIGHTNESS_RATIO;
import static dev.farthing.risk.features.FeatureCatalog.TELEMETRY_BOT_SIGNALS_COUNT;
import static dev.farthing.risk.features.FeatureCatalog.TELEMETRY_MISSING_FLAG;
import static dev.farthing.risk.features.FeatureCatalog.TOUCH_PRESSURE_VAR_RATIO;

/** Behavioural signals from the client's telemetry. Thresholds of the bot tells are in the schema text. */
final class TelemetryFeatures {
    static final double REGULAR_KEYSTROKES_CV = 0.15;
    static final double STRAIGHT_POINTER = 0.97;

    private TelemetryFeatures() {
    }

    static void fill(Telemetry t, double[] v) {
        v[TELEMETRY_MISSING_FLAG] = t == null ? 1 : 0;
        if (t == null) {
            return; // the rest stay NaN
        }
        int[] keys = t.keystrokeIntervalsMs();
        v[KEYSTROKE_COUNT] = keys == null ? 0 : keys.length;
        v[KEYSTROKE_INTERVAL_CV_RATIO] = cv(keys);
        v[POINTER_MOVES_COUNT] = t.pointerMoves() == null ? Double.NaN : t.pointerMoves();
        v[POINTER_STRAIGHTNESS_RATIO] = t.pointerStraightness() == null ? Double.NaN : t.pointerStraightness();
        v[TOUCH_PRESSURE_VAR_RATIO] = t.touchPressureVar() == null ? Double.NaN : t.touchPressureVar();
        int tells = 0;
        tells += v[KEYSTROKE_INTERVAL_CV_RATIO] < REGULAR_KEYSTROKES_CV ? 1 : 0;
        tells += v[POINTER_STRAIGHTNESS_RATIO] > STRAIGHT_POINTER ? 1 : 0;
        tells += v[TOUCH_PRESSURE_VAR_RATIO] == 0 ? 1 : 0;
        tells += v[POINTER_MOVES_COUNT] == 0 ? 1 : 0;
        v[TELEMETRY_BOT_SIGNALS_COUNT] = tells;
    }

    /** Coefficient of variation of the intervals; NaN under 3 intervals, 0 when all are 0. */
    static double cv(int[] intervals) {
        if (intervals == null || intervals.length < 3) {
            return Double.NaN;
        }
        double sum = 0;
        double sumSq = 0;
        for (int x : intervals) {
            sum += x;
            sumSq += (double) x * x;
        }
        double mean = sum / intervals.length;
        double variance = Math.max(0, sumSq / intervals.length - mean * mean);
        return mean == 0 ? 0 : Math.sqrt(variance) / mean;
    }
}
