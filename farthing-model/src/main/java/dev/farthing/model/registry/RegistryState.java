package dev.farthing.model.registry;

import java.util.List;
import java.util.Optional;

/** Which version decides (active) and which are scored alongside without deciding (shadows). */
public record RegistryState(Optional<String> active, List<String> shadows) {

    public RegistryState {
        shadows = List.copyOf(shadows);
        if (active.isPresent() && shadows.contains(active.get())) {
            throw new IllegalArgumentException("version " + active.get() + " cannot be both active and shadow");
        }
    }

    public static RegistryState empty() {
        return new RegistryState(Optional.empty(), List.of());
    }
}
