package dev.farthing.model.data;

import java.util.ArrayList;
import java.util.List;

/**
 * ULB credit-card features: the 28 PCA components as given, the amount as a logarithm and the time as hour of
 * day. The file's {@code Time} counts seconds from the first transaction of a two-day capture, so as a raw value
 * it only says "early or late in this capture"; the hour of day is what would carry over to other data.
 */
public final class UlbFeatures {

    public static final int COMPONENTS = 28;

    private UlbFeatures() {
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= COMPONENTS; i++) {
            names.add("V" + i);
        }
        names.add("log_amount");
        names.add("hour_of_day");
        return names;
    }

    /** @param components V1..V28 (NaN where missing) */
    public static double[] of(double timeSeconds, double[] components, double amount) {
        if (components.length != COMPONENTS) {
            throw new IllegalArgumentException("expected " + COMPONENTS + " components, got " + components.length);
        }
        if (!(amount >= 0)) {
            throw new IllegalArgumentException("Amount must be a number >= 0, got " + amount);
        }
        if (!(timeSeconds >= 0)) {
            throw new IllegalArgumentException("Time must be a number of seconds >= 0, got " + timeSeconds);
        }
        double[] row = new double[COMPONENTS + 2];
        System.arraycopy(components, 0, row, 0, COMPONENTS);
        row[COMPONENTS] = Math.log1p(amount);
        row[COMPONENTS + 1] = Math.floor(timeSeconds / 3600.0) % 24;
        return row;
    }
}
