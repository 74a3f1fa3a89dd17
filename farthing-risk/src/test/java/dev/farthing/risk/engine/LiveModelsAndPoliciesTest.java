package dev.farthing.risk.engine;

import dev.farthing.model.ModelTrainer;
import dev.farthing.model.RiskModel;
import dev.farthing.model.data.Dataset;
import dev.farthing.model.gbt.GbtParams;
import dev.farthing.model.registry.ModelRegistry;
import dev.farthing.model.registry.ShadowReport;
import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.policy.PolicyStore;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.LabelSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static dev.farthing.risk.engine.RiskFixture.await;
import static dev.farthing.risk.engine.RiskFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Models and policies changed by another process (a second registry or store on the same directories) are
 * picked up by polling; the shadow model is scored on live traffic beside the active one without deciding.
 */
class LiveModelsAndPoliciesTest {
    @TempDir
    Path dir;

    /** A tiny model over the engine's own feature names, trained on random rows (its scores mean nothing). */
    private static RiskModel train(int rounds, long seed) {
        List<String> names = DefaultFeatureEngine.defaultSchema().names();
        Random random = new Random(seed);
        double[][] rows = new double[200][names.size()];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < names.size(); j++) {
                rows[i][j] = random.nextDouble();
            }
            labels[i] = rows[i][0] > 0.5 ? 1 : 0;
        }
        return ModelTrainer.train(new Dataset(names, rows, labels, null), null,
                GbtParams.defaults().withRounds(rounds).withSeed(1), null, null, Instant.EPOCH);
    }

    @Test
    void activeAndShadowModelsAndPolicyChangesFromElsewhere() throws Exception {
        try (RiskFixture f = new RiskFixture(dir);
             RiskServices risk = RiskServices.open(f.ledger, dir.resolve("risk"),
                     RiskEngineConfig.defaults().withFsync(false), DecisionObserver.NONE, 3600)) {
            // "Another process": its own registry and policy store on the same directories.
            ModelRegistry elsewhere = new ModelRegistry(dir.resolve("risk/models"));
            RiskModel active = train(3, 1);
            RiskModel shadow = train(5, 2);
            active.write(dir.resolve("a.json"));
            shadow.write(dir.resolve("s.json"));
            String activeVersion = elsewhere.register(dir.resolve("a.json"));
            String shadowVersion = elsewhere.register(dir.resolve("s.json"));
            elsewhere.activate(activeVersion);
            elsewhere.addShadow(shadowVersion);
            PolicyStore otherStore = new PolicyStore(dir.resolve("risk/policies"), DefaultFeatureEngine.defaultSchema());
            String policy = otherStore.put(RealPipelineTest.POLICY);
            otherStore.activate(policy);
            Thread.sleep(20); // a visibly newer ACTIVE file time on coarse file systems
            risk.config().poll();

            PaymentResult r = await(risk.engine().submit(payment("p1", 10, 1)));
            assertThat(r.modelVersion()).isEqualTo(activeVersion);
            assertThat(r.policyVersion()).isEqualTo(policy);
            assertThat(r.score()).isBetween(0.0, 1.0);
            await(risk.engine().label("p1", FraudLabel.LEGIT, LabelSource.DISPUTE));
            List<ShadowReport> board = risk.scoreboard().report();
            assertThat(board).extracting(ShadowReport::version).containsExactlyInAnyOrder(activeVersion, shadowVersion);
            assertThat(board).allSatisfy(rep -> {
                assertThat(rep.scored()).isEqualTo(1);
                assertThat(rep.labelled()).isEqualTo(1);
            });
            f.assertMoney(11, 10, 1, 0);
        }
    }
}
