package dev.farthing.risk.decide;

import dev.farthing.model.RiskModel;
import dev.farthing.model.registry.ModelRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The fraud model Farthing ships ({@code /models/default-model.json}), trained on simulator development
 * seeds (see docs/DETECTION.md). A new installation decides with it, so the server behaves as evaluated
 * from its first payment; an operator replaces it with {@code farthing model activate}.
 */
public final class ShippedModel {
    public static final String RESOURCE = "/models/default-model.json";

    private ShippedModel() {
    }

    /** The shipped model, or empty when this build ships none. */
    public static Optional<RiskModel> load() {
        try (InputStream in = ShippedModel.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(RiskModel.load(RESOURCE, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped model " + RESOURCE, e);
        }
    }

    /**
     * Registers and activates the shipped model when {@code registry} has never held a model (a new data
     * directory); a registry with any version, active or not, is the operator's and is left alone.
     * Returns the version installed, or empty.
     */
    public static Optional<String> installIfEmpty(ModelRegistry registry) throws IOException {
        if (!registry.list().isEmpty()) {
            return Optional.empty();
        }
        Optional<RiskModel> shipped = load();
        if (shipped.isEmpty()) {
            return Optional.empty();
        }
        String version = registry.register(shipped.get());
        registry.activate(version);
        return Optional.of(version);
    }
}
