package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.farthing.model.ModelTrainer;
import dev.farthing.model.RiskModel;
import dev.farthing.model.data.Dataset;
import dev.farthing.model.gbt.GbtParams;
import dev.farthing.model.registry.ModelRegistry;
import dev.farthing.risk.decide.ShippedModel;
import dev.farthing.risk.features.DefaultFeatureEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/models/{version}/drift}, the guard fields of {@code GET /v1/models} and the PSI gauges. */
class ModelDriftHttpTest {
    private static final long FUNDS = 100_000;

    @TempDir
    Path dir;
    TestServer t;

    @BeforeEach
    void start() {
        t = TestServer.start(dir);
        for (String[] a : new String[][] {{"alice", "wallet"}, {"bob", "merchant"}, {"bank", "settlement"}}) {
            assertThat(t.createAccount(a[0], a[1]).status()).isEqualTo(201);
        }
        assertThat(t.transfer("fund", "bank", "alice", FUNDS).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    /**
     * A model whose training saw every feature at 0 or 1 (in the catalogue's schema), calibrated on a second
     * draw: live amounts in the hundreds are far outside it, so every payment is out of distribution and drifts.
     */
    private static RiskModel guardedModel() {
        List<String> names = DefaultFeatureEngine.defaultSchema().names();
        Random random = new Random(7);
        return ModelTrainer.train(draw(names, random), draw(names, random), null,
                GbtParams.defaults().withRounds(3).withSeed(7), null,
                JsonNodeFactory.instance.objectNode().put("format", "synthetic"), Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static Dataset draw(List<String> names, Random random) {
        double[][] rows = new double[400][names.size()];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < names.size(); j++) {
                rows[i][j] = random.nextInt(2);
            }
            labels[i] = rows[i][0] == 1 && random.nextBoolean() ? 1 : 0;
        }
        return new Dataset(names, rows, labels, null);
    }

    private String payment(int i) {
        return "{\"id\":\"p-" + i + "\",\"payer\":\"alice\",\"payee\":\"bob\",\"amount\":" + (200 + i)
                + ",\"currency\":\"USD\",\"context\":{\"device_id\":\"d-1\",\"ip\":\"10.0.0.1\"}}";
    }

    @Test
    void driftOfTheDecidingModelOverHttpAndInMetrics() throws Exception {
        String shipped = ShippedModel.load().orElseThrow().version();
        TestServer.Resp old = t.send("GET", "/v1/models/" + shipped + "/drift", (String) null, t.auditorKey);
        assertThat(old.status()).as(old.body()).isEqualTo(200);
        // The shipped bundle is trained with training statistics, so its guard is on.
        assertThat(old.json().path("ood_guard").asBoolean(false)).as(old.body()).isTrue();

        RiskModel model = guardedModel();
        new ModelRegistry(t.dataDir.resolve("risk").resolve("models")).register(model);
        TestServer.Resp activated = t.send("POST", "/v1/models/" + model.version() + "/activate", (String) null,
                t.adminKey);
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        for (JsonNode m : activated.json().path("models")) {
            assertThat(m.path("ood_guard").asBoolean()).as(m.toString()).isTrue();
            assertThat(m.path("calibrated").asBoolean()).as(m.toString()).isTrue();
            assertThat(m.path("thresholds").isObject()).as(m.toString()).isTrue();
        }

        for (int i = 0; i < 5; i++) {
            TestServer.Resp r = t.post("/v1/payments", payment(i));
            assertThat(r.status()).as(r.body()).isIn(200, 201);
            assertThat(r.body()).contains("model_out_of_distribution").contains("amount");
        }
        TestServer.Resp drift = t.send("GET", "/v1/models/" + model.version() + "/drift", (String) null, t.auditorKey);
        assertThat(drift.status()).as(drift.body()).isEqualTo(200);
        JsonNode d = drift.json();
        assertThat(d.path("active").asBoolean()).isTrue();
        assertThat(d.path("ood_guard").asBoolean()).isTrue();
        assertThat(d.path("count").asLong()).isEqualTo(5);
        assertThat(d.path("features")).hasSize(model.featureNames().size());
        JsonNode amount = d.path("features").get(model.featureNames().indexOf("amount"));
        assertThat(amount.path("feature").asText()).isEqualTo("amount");
        assertThat(amount.path("count").asLong()).isEqualTo(5);
        assertThat(amount.path("live_counts")).hasSize(amount.path("training_fractions").size());
        assertThat(amount.path("psi").asDouble()).isGreaterThan(0.2);
        assertThat(d.path("exceeding").toString()).contains("\"amount\"");
        assertThat(d.path("max_psi").asDouble()).isGreaterThanOrEqualTo(amount.path("psi").asDouble());

        String metrics = t.send("GET", "/metrics", (String) null, null).body();
        assertThat(metrics).contains("farthing_model_feature_psi{feature=\"amount\",model=\"" + model.version() + "\"}")
                .contains("farthing_model_psi_max{model=\"" + model.version() + "\"}");
        assertThat(t.send("GET", "/v1/models/m-0000000000000000/drift", (String) null, t.auditorKey).status())
                .isEqualTo(404);
    }
}
