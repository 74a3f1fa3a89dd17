package dev.farthing.risk.features;

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

    public FeatureSchema(List<Feature> features) {
        this.features = List.copyOf(features);
        for (int i = 0; i < this.features.size(); i++) {
            if (index.put(this.features.get(i).name(), i) != null) {
                throw new IllegalArgumentException("duplicate feature: " + this.features.get(i).name());
            }
        }
    }

    /** One feature: its name, its unit ("count", "minor_units", "seconds", "ratio", "flag", ...) and what it means. */
    public record Feature(String name, String unit, String description) {
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
