package dev.farthing.risk.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered list of features the engine computes. Names are snake_case with the unit last
 * ({@code payer_count_1h}, {@code consumption_speed_s}); a model trained on one schema refuses another.
 */
public final class FeatureSchema {
    private final List<Feature> features;
    private final Map<String, Integer> index = new HashMap<>();
    // The features with a normal band, for the evidence check (a few of the schema's features).
    private final int[] banded;

    public FeatureSchema(List<Feature> features) {
        this.features = List.copyOf(features);
        List<Integer> withBand = new ArrayList<>();
        for (int i = 0; i < this.features.size(); i++) {
            if (index.put(this.features.get(i).name(), i) != null) {
                throw new IllegalArgumentException("duplicate feature: " + this.features.get(i).name());
            }
            if (this.features.get(i).hasBand()) {
                withBand.add(i);
            }
        }
        banded = withBand.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * One feature: its name, its unit ("count", "minor_units", "seconds", "ratio", "flag", ...), what it means,
     * its {@link FeatureFamily} and, for a feature that can corroborate a decline on its own, the value from which
     * it is beyond its normal band ({@code evidenceFrom}; {@code +Infinity} = no band: never evidence alone).
     */
    public record Feature(String name, String unit, String description, FeatureFamily family, double evidenceFrom) {
        public Feature {
            java.util.Objects.requireNonNull(family, "family");
            if (Double.isNaN(evidenceFrom)) {
                throw new IllegalArgumentException("feature " + name + ": evidence band must be a number");
            }
            if (!family.evidence() && evidenceFrom != Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("feature " + name + " is " + family.label()
                        + ", which is never evidence: it cannot have an evidence band");
            }
        }

        /** A context feature without a band (hand-made schemas in tests and tools). */
        public Feature(String name, String unit, String description) {
            this(name, unit, description, FeatureFamily.CONTEXT, Double.POSITIVE_INFINITY);
        }

        public boolean hasBand() {
            return evidenceFrom != Double.POSITIVE_INFINITY;
        }

        /** True when {@code value} is beyond this feature's normal band (never for NaN or an unbanded feature). */
        public boolean isEvidence(double value) {
            return value >= evidenceFrom;
        }
    }

    /** True when some feature of {@code values} (in schema order) is beyond its normal band. */
    public boolean hasEvidence(double[] values) {
        for (int i : banded) {
            if (features.get(i).isEvidence(values[i])) {
                return true;
            }
        }
        return false;
    }

    /** The features of {@code values} beyond their normal band, as {@code name=value}, for reasons. */
    public List<Feature> evidence(double[] values) {
        List<Feature> out = new ArrayList<>();
        for (int i : banded) {
            if (features.get(i).isEvidence(values[i])) {
                out.add(features.get(i));
            }
        }
        return out;
    }

    public int size() {
        return features.size();
    }

    public Feature feature(int i) {
        return features.get(i);
    }

    public List<Feature> features() {
        return features;
    }

    public List<String> names() {
        return features.stream().map(Feature::name).toList();
    }

    /** Position of {@code name}; throws IllegalArgumentException for an unknown feature. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("unknown feature: " + name);
        }
        return i;
    }

    public boolean has(String name) {
        return index.containsKey(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSchema s && features.equals(s.features);
    }

    @Override
    public int hashCode() {
        return features.hashCode();
    }
}
