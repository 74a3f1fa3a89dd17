package dev.farthing.model.registry;

import dev.farthing.model.ModelTrainer;
import dev.farthing.model.RiskModel;
import dev.farthing.model.TestData;
import dev.farthing.model.data.Dataset;
import dev.farthing.model.gbt.GbtParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRegistryTest {

    static RiskModel a;
    static RiskModel b;
    static RiskModel c;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        long seed = TestData.seed();
        Dataset data = TestData.synthetic(500, 4, 0, new Random(seed));
        a = ModelTrainer.train(data, null, GbtParams.defaults().withRounds(3).withSeed(1), null, null, Instant.EPOCH);
        b = ModelTrainer.train(data, null, GbtParams.defaults().withRounds(4).withSeed(1), null, null, Instant.EPOCH);
        c = ModelTrainer.train(data, null, GbtParams.defaults().withRounds(5).withSeed(1), null, null, Instant.EPOCH);
    }

    private String register(ModelRegistry registry, RiskModel model) throws Exception {
        Path file = dir.resolve(model.version() + "-in.json");
        model.write(file);
        return registry.register(file);
    }

    @Test
    void activateAndShadowPersistAcrossInstances() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
        assertThat(registry.active()).isEmpty();
        String va = register(registry, a);
        String vb = register(registry, b);
        String vc = register(registry, c);
        assertThat(register(registry, a)).as("registering twice is idempotent").isEqualTo(va);
        registry.activate(va);
        registry.addShadow(vb);
        registry.addShadow(vc);

        ModelRegistry other = new ModelRegistry(dir.resolve("models"));
        assertThat(other.state()).isEqualTo(new RegistryState(Optional.of(va), List.of(vb, vc)));
        assertThat(other.active().orElseThrow().version()).isEqualTo(va);
        assertThat(other.shadows()).extracting(RiskModel::version).containsExactly(vb, vc);
        assertThat(other.list()).hasSize(3).filteredOn(ModelEntry::active).extracting(ModelEntry::version).containsExactly(va);

        other.activate(vb);
        assertThat(registry.state()).as("promoting a shadow removes it from the shadows")
                .isEqualTo(new RegistryState(Optional.of(vb), List.of(vc)));
        registry.removeShadow(vc);
        assertThat(other.state().shadows()).isEmpty();
        assertThat(Files.list(dir.resolve("models")).map(p -> p.getFileName().toString()))
                .as("no temporary files left behind").noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void refusesUnknownVersionsAndInvalidTransitions() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
        String va = register(registry, a);
        assertThatThrownBy(() -> registry.activate("m-0000000000000000"))
                .isInstanceOfSatisfying(ModelRegistryException.class, e -> assertThat(e.code()).isEqualTo("unknown_model_version"));
        assertThatThrownBy(() -> registry.activate("../../etc/passwd")).hasMessageContaining("no model version");
        registry.activate(va);
        assertThatThrownBy(() -> registry.addShadow(va))
                .isInstanceOfSatisfying(ModelRegistryException.class, e -> assertThat(e.code()).isEqualTo("model_is_active"));
        assertThatThrownBy(() -> registry.removeShadow(va))
                .isInstanceOfSatisfying(ModelRegistryException.class, e -> assertThat(e.code()).isEqualTo("not_a_shadow"));
    }

    @Test
    void aCorruptedStoredVersionIsRefusedOnLoad() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
        String va = register(registry, a);
        registry.activate(va);
        Path stored = dir.resolve("models/versions/" + va + ".json");
        Files.writeString(stored, Files.readString(stored).replace("\"f1\"", "\"zz\""));
        ModelRegistry fresh = new ModelRegistry(dir.resolve("models"));
        assertThatThrownBy(fresh::active).hasMessageContaining("does not match its version");
    }

    @Test
    void concurrentWritersInOneProcessKeepAConsistentState() throws Exception {
        ModelRegistry first = new ModelRegistry(dir.resolve("models"));
        String va = register(first, a);
        String vb = register(first, b);
        String vc = register(first, c);
        first.activate(va);
        ModelRegistry second = new ModelRegistry(dir.resolve("models"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var f1 = pool.submit(() -> toggle(first, vb));
            var f2 = pool.submit(() -> toggle(second, vc));
            f1.get();
            f2.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(first.state()).isEqualTo(new RegistryState(Optional.of(va), List.of()));
    }

    private static Void toggle(ModelRegistry registry, String version) throws Exception {
        for (int i = 0; i < 50; i++) {
            registry.addShadow(version);
            assertThat(registry.state().shadows()).contains(version);
            registry.removeShadow(version);
        }
        return null;
    }

    @Test
    void aDamagedRegistryFileIsReportedNotGuessed() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
        registry.activate(register(registry, a));
        Files.writeString(dir.resolve("models/registry.json"), "{\"active\": \"m-");
        assertThatThrownBy(registry::state)
                .isInstanceOfSatisfying(ModelRegistryException.class, e -> assertThat(e.code()).isEqualTo("registry_corrupt"));
    }
}
