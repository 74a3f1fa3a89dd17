package dev.farthing.risk.decide;

import dev.farthing.model.RiskModel;
import dev.farthing.model.registry.ModelRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try {
            Path copy = copyToTemp();
            if (copy == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(RiskModel.load(copy));
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the shipped model " + RESOURCE, e);
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
        Path copy = copyToTemp();
        if (copy == null) {
            return Optional.empty();
        }
        try {
            String version = registry.register(copy);
            registry.activate(version);
            return Optional.of(version);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static Path copyToTemp() throws IOException {
        try (InputStream in = ShippedModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            Path tmp = Files.createTempFile("farthing-shipped-model", ".json");
            Files.write(tmp, in.readAllBytes());
            return tmp;
        }
    }
}
