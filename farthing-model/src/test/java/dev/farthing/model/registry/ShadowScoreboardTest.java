package dev.farthing.model.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShadowScoreboardTest {

    @Test
    void comparesModelsOnTheSameLabelledPayments() {
        ShadowScoreboard board = new ShadowScoreboard(1000, 0.5);
        // Model "good" ranks frauds first; model "bad" ranks them last.
        for (int i = 0; i < 10; i++) {
            boolean fraud = i < 3;
            board.recordScore("p" + i, "good", fraud ? 0.9 : 0.1 + i * 0.01);
            board.recordScore("p" + i, "bad", fraud ? 0.05 : 0.6);
        }
        board.recordScore("unlabelled", "good", 0.99);
        for (int i = 0; i < 10; i++) {
            board.recordLabel("p" + i, i < 3);
        }
        board.recordLabel("p0", false); // a second label for the same payment is ignored
        var reports = board.report();
        assertThat(reports).extracting(ShadowReport::version).containsExactly("good", "bad");
        ShadowReport good = reports.get(0);
        assertThat(good.scored()).isEqualTo(11);
        assertThat(good.labelled()).isEqualTo(10);
        assertThat(good.labelledFraud()).isEqualTo(3);
        assertThat(good.rocAuc()).isEqualTo(1.0);
        assertThat(good.precision()).isEqualTo(1.0);
        assertThat(good.recall()).isEqualTo(1.0);
        assertThat(good.histogram()[19]).isEqualTo(1); // 0.99
        assertThat(good.histogram()[18]).isEqualTo(3); // 0.9
        ShadowReport bad = reports.get(1);
        assertThat(bad.rocAuc()).isEqualTo(0.0);
        assertThat(bad.recall()).isEqualTo(0.0);
        assertThat(bad.falsePositiveRate()).isEqualTo(1.0);
    }

    @Test
    void staysBounded() {
        ShadowScoreboard board = new ShadowScoreboard(100, 0.5);
        for (int i = 0; i < 10_000; i++) {
            board.recordScore("p" + i, "m", (i % 10) / 10.0);
        }
        for (int i = 0; i < 10_000; i++) {
            board.recordLabel("p" + i, i % 2 == 0);
        }
        ShadowReport r = board.report().get(0);
        assertThat(r.scored()).isEqualTo(10_000);
        assertThat(r.labelled()).as("only the last 100 unlabelled payments are remembered").isEqualTo(100);
    }
}
