package dev.farthing.risk.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * The features of one payment: values in the order of {@link FeatureSchema}, each a double in the unit its
 * schema entry names (counts, minor units, seconds, ratios). Missing values are {@link Double#NaN}; models and
 * policies must treat NaN as "unknown", never as zero.
 */
public record FeatureVector(FeatureSchema schema, double[] values) {

    public FeatureVector {
        Objects.requireNonNull(schema, "schema");
        if (values.length != schema.size()) {
            throw new IllegalArgumentException("expected " + schema.size() + " values, got " + values.length);
        }
    }

    public double get(String name) {
        return values[schema.indexOf(name)];
    }

    public double get(int index) {
        return values[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector v && schema.equals(v.schema) && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return 31 * schema.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("FeatureVector{");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(schema.feature(i).name()).append('=').append(values[i]);
        }
        return out.append('}').toString();
    }
}
