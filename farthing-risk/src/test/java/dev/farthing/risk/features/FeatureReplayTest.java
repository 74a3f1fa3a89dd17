package dev.farthing.risk.features;

import dev.farthing.model.data.Dataset;
import dev.farthing.risk.dataset.Label;
import dev.farthing.risk.dataset.PaymentDataset;
import dev.farthing.risk.dataset.PaymentRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.farthing.risk.features.Payments.S;
import static dev.farthing.risk.features.Payments.T0;
import static dev.farthing.risk.features.Payments.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureReplayTest {
    @TempDir
    Path dir;

    @Test
    void replaysAFileIntoAModelReadyDataset() {
        List<PaymentRecord> records = List.of(
                new PaymentRecord(T0, pay("alice", "blog").build(), Label.LEGIT, "legit", null),
                new PaymentRecord(T0 + S, pay("bot-1", "blog").build(), Label.FRAUD, "bot", "bot-1"),
                new PaymentRecord(T0 + 2 * S, pay("bot-1", "blog").build(), Label.FRAUD, "bot", "bot-1"));
        Path file = dir.resolve("traffic.jsonl");
        PaymentDataset.write(file, records);

        Dataset data = FeatureReplay.dataset(file);

        assertThat(data.featureNames()).isEqualTo(DefaultFeatureEngine.defaultSchema().names());
        assertThat(data.labels()).containsExactly(0, 1, 1);
        assertThat(data.scenarios()).containsExactly("legit", "bot", "bot");
        int payeeCount = data.featureNames().indexOf("payee_count_1m");
        assertThat(data.rows()[2][payeeCount]).isEqualTo(2);
        int payerCount = data.featureNames().indexOf("payer_count_1m");
        assertThat(data.rows()[2][payerCount]).isEqualTo(1);
    }

    @Test
    void refusesRecordsOutOfTimeOrder() {
        List<PaymentRecord> records = List.of(
                new PaymentRecord(T0 + S, pay("a", "b").build(), Label.LEGIT, "legit", null),
                new PaymentRecord(T0, pay("a", "b").build(), Label.LEGIT, "legit", null));
        assertThatThrownBy(() -> FeatureReplay.dataset(records.stream(), FeatureConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time order");
    }
}
