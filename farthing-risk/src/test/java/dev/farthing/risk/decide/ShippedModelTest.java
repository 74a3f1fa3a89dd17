package dev.farthing.risk.decide;

import dev.farthing.model.RiskModel;
import dev.farthing.model.registry.ModelRegistry;
import dev.farthing.risk.features.DefaultFeatureEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedModelTest {

    @TempDir
    Path dir;

    @Test
    void theShippedModelScoresTheEnginesOwnFeatures() {
        RiskModel model = ShippedModel.load().orElseThrow();
        model.requireFeatures(DefaultFeatureEngine.defaultSchema().names()); // throws on a schema drift
        assertThat(model.version()).startsWith("m-");
    }

    @Test
    void aNewRegistryGetsTheShippedModelActive() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
        String installed = ShippedModel.installIfEmpty(registry).orElseThrow();
        assertThat(registry.state().active()).contains(installed);
        assertThat(installed).isEqualTo(ShippedModel.load().orElseThrow().version());
        assertThat(ShippedModel.installIfEmpty(registry)).isEmpty(); // second start: nothing changes
    }

    @Test
    void anOperatorsRegistryIsLeftAlone() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
        Path mine = dir.resolve("mine.json");
        ShippedModel.load().orElseThrow().write(mine);
        String version = registry.register(mine); // registered, deliberately not activated
        Files.delete(mine);
        assertThat(ShippedModel.installIfEmpty(registry)).isEmpty();
        assertThat(registry.state().active()).isEmpty();
        assertThat(registry.list()).extracting(e -> e.version()).containsExactly(version);
    }
}
