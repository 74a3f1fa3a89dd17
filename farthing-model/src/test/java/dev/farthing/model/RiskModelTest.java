package dev.farthing.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.model.data.Dataset;
import dev.farthing.model.data.DatasetSplit;
import dev.farthing.model.gbt.GbtParams;
import dev.farthing.model.iforest.IsolationForestParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskModelTest {

    static Dataset data;
    static RiskModel model;
    static long seed;

    @TempDir
    Path dir;

    private static int trainRows;

    @BeforeAll
    static void train() {
        seed = TestData.seed();
        data = TestData.synthetic(1500, 5, 0.05, new Random(seed));
        DatasetSplit split = DatasetSplit.of(data, 0.3, seed);
        trainRows = split.train().size();
        ObjectNode source = JsonNodeFactory.instance.objectNode().put("format", "synthetic");
        model = ModelTrainer.train(split.train(), split.test(), GbtParams.defaults().withRounds(20).withSeed(seed),
                new IsolationForestParams(20, 128, seed), source, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void roundTripsThroughTheFileWithIdenticalScores() throws Exception {
        Path file = dir.resolve("model.json");
        model.write(file);
        RiskModel loaded = RiskModel.load(file);
        assertThat(loaded.version()).isEqualTo(model.version()).matches("m-[0-9a-f]{16}");
        assertThat(loaded.featureNames()).isEqualTo(data.featureNames());
        assertThat(loaded.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(loaded.training().path("holdout").path("roc_auc").asDouble()).isGreaterThan(0.8);
        assertThat(loaded.training().path("rows").asInt()).isEqualTo(trainRows);
        for (double[] row : data.rows()) {
            RiskModel.Scores a = model.score(row);
            RiskModel.Scores b = loaded.score(row);
            assertThat(b).isEqualTo(a);
            assertThat(a.fraud()).isBetween(0.0, 1.0);
            assertThat(a.anomaly()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void versionIsAContentHash() {
        DatasetSplit split = DatasetSplit.of(data, 0.3, seed);
        RiskModel again = ModelTrainer.train(split.train(), split.test(), GbtParams.defaults().withRounds(20).withSeed(seed),
                new IsolationForestParams(20, 128, seed), JsonNodeFactory.instance.objectNode().put("format", "synthetic"),
                Instant.parse("2026-02-02T00:00:00Z"));
        assertThat(again.version()).as("same data and seed, later time").isEqualTo(model.version());
        RiskModel other = ModelTrainer.train(split.train(), null, GbtParams.defaults().withRounds(21).withSeed(seed),
                null, null, Instant.now());
        assertThat(other.version()).isNotEqualTo(model.version());
        assertThat(other.hasAnomalyModel()).isFalse();
        assertThat(other.score(data.rows()[0]).anomaly()).isNaN();
    }

    @Test
    void tamperedOrForeignFilesAreRefused() throws Exception {
        Path file = dir.resolve("model.json");
        model.write(file);
        String text = Files.readString(file);
        Files.writeString(file, text.replace("\"f0\"", "\"g0\""));
        assertThatThrownBy(() -> RiskModel.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("does not match its version");
        Files.writeString(file, text.substring(0, text.length() / 2));
        assertThatThrownBy(() -> RiskModel.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not valid JSON");
        Files.writeString(file, "{\"format\":\"something-else\"}");
        assertThatThrownBy(() -> RiskModel.load(file)).hasMessageContaining("not a Farthing model bundle");
    }

    @Test
    void refusesRowsOfTheWrongWidthAndForeignFeatureSchemas() {
        assertThatThrownBy(() -> model.score(new double[4])).hasMessageContaining("expects 5 features");
        model.requireFeatures(List.of("f0", "f1", "f2", "f3", "f4"));
        assertThatThrownBy(() -> model.requireFeatures(List.of("f0", "f1", "f2", "f3", "payer_count_1h")))
                .isInstanceOf(FeatureMismatchException.class)
                .hasMessageContaining("model_feature_mismatch").hasMessageContaining("unknown to the engine: [f4]")
                .hasMessageContaining("not in the model: [payer_count_1h]");
        assertThatThrownBy(() -> model.requireFeatures(List.of("f1", "f0", "f2", "f3", "f4")))
                .hasMessageContaining("different order");
    }

    @Test
    void aModelOfAnEarlierSchemaScoresAndExplainsRowsWithAppendedFeaturesAsItsOwn() {
        model.requireFeatures(List.of("f0", "f1", "f2", "f3", "f4", "appended_later"));
        assertThatThrownBy(() -> model.requireFeatures(List.of("appended_first", "f0", "f1", "f2", "f3", "f4")))
                .isInstanceOf(FeatureMismatchException.class);
        Random random = new Random(3);
        ModelExplainer explainer = model.explainer();
        for (int i = 0; i < 50; i++) {
            double[] own = new double[5];
            for (int j = 0; j < 5; j++) {
                own[j] = random.nextGaussian();
            }
            double[] wide = java.util.Arrays.copyOf(own, 6);
            wide[5] = random.nextGaussian() * 1e6;
            assertThat(model.score(wide)).isEqualTo(model.score(own));
            double[] narrow = new double[6];
            double[] widened = new double[7];
            explainer.fraud(own, narrow);
            explainer.fraud(wide, widened);
            assertThat(java.util.Arrays.copyOf(widened, 5)).containsExactly(java.util.Arrays.copyOf(narrow, 5));
            assertThat(widened[5]).as("the appended feature is not read").isZero();
            assertThat(widened[6]).as("bias last").isEqualTo(narrow[5]);
        }
    }
}
