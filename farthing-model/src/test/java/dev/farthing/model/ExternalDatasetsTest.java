package dev.farthing.model;

import dev.farthing.model.data.Dataset;
import dev.farthing.model.data.DatasetSplit;
import dev.farthing.model.data.PaySimReader;
import dev.farthing.model.data.UlbReader;
import dev.farthing.model.gbt.GbtParams;
import dev.farthing.model.iforest.IsolationForestParams;
import dev.farthing.model.metrics.Evaluation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline on real third-party data (../shared/data/fraud): train on one split, evaluate on the
 * other. Floors are well below the measured values (see the MODELS report) so they catch a broken pipeline,
 * not noise; few rounds keep the test fast.
 */
class ExternalDatasetsTest {

    private static Path fraudDir() {
        Path dir = Path.of(System.getProperty("farthing.shared.dir", "../shared"), "data", "fraud");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared fraud data not found at " + dir + "; skipping");
        return dir;
    }

    private static Evaluation trainAndEvaluate(Dataset all, long seed) {
        DatasetSplit split = DatasetSplit.of(all, 0.3, seed);
        RiskModel model = ModelTrainer.train(split.train(), null, GbtParams.defaults().withRounds(40).withSeed(seed),
                new IsolationForestParams(50, 256, seed), null, Instant.EPOCH);
        double[] scores = new double[split.test().size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.fraudScore(split.test().rows()[i]);
        }
        return Evaluation.of(scores, split.test().labels(), null, 0.5);
    }

    @Test
    void paySimHeldOutSplit() throws Exception {
        long seed = TestData.seed();
        Evaluation e = trainAndEvaluate(PaySimReader.read(fraudDir().resolve("paysim-sample.csv")), seed);
        System.out.printf("paysim: PR-AUC %.4f ROC-AUC %.4f recall@1%%FPR %.4f%n", e.prAuc(), e.rocAuc(),
                e.atOnePercentFpr().recall());
        assertThat(e.prAuc()).isGreaterThan(0.75);
        assertThat(e.rocAuc()).isGreaterThan(0.95);
    }

    @Test
    void ulbHeldOutSplit() throws Exception {
        long seed = TestData.seed();
        Evaluation e = trainAndEvaluate(UlbReader.read(fraudDir().resolve("ulb-creditcard-sample.csv")), seed);
        System.out.printf("ulb: PR-AUC %.4f ROC-AUC %.4f recall@1%%FPR %.4f%n", e.prAuc(), e.rocAuc(),
                e.atOnePercentFpr().recall());
        assertThat(e.prAuc()).isGreaterThan(0.8);
        assertThat(e.rocAuc()).isGreaterThan(0.93);
    }
}
