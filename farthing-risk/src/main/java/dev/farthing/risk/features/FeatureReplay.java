package dev.farthing.risk.features;

import dev.farthing.model.data.Dataset;
import dev.farthing.risk.dataset.PaymentDataset;
import dev.farthing.risk.dataset.PaymentRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns recorded traffic into a model-ready {@link Dataset}: every record is scored by a fresh engine (extract)
 * and then learned from (record, with moved = true whatever the label, so training features do not depend on
 * past decisions). Rows keep the file's order; labels are 1 for fraud; scenarios come from the records.
 */
public final class FeatureReplay {
    private FeatureReplay() {
    }

    /** Replays a "farthing" JSON Lines dataset through an engine with {@link FeatureConfig#defaults()}. */
    public static Dataset dataset(Path farthingJsonl) {
        return dataset(farthingJsonl, FeatureConfig.defaults());
    }

    public static Dataset dataset(Path farthingJsonl, FeatureConfig config) {
        try (Stream<PaymentRecord> records = PaymentDataset.read(farthingJsonl)) {
            return dataset(records, config);
        }
    }

    /** Replays records (in time order; an earlier time than the previous record is refused). */
    public static Dataset dataset(Stream<PaymentRecord> records, FeatureConfig config) {
        DefaultFeatureEngine engine = new DefaultFeatureEngine(config);
        List<double[]> rows = new ArrayList<>();
        List<String> scenarios = new ArrayList<>();
        int[] labels = new int[1024];
        long previous = Long.MIN_VALUE;
        Iterator<PaymentRecord> it = records.iterator();
        while (it.hasNext()) {
            PaymentRecord r = it.next();
            if (r.atNanos() < previous) {
                throw new IllegalArgumentException("record " + (rows.size() + 1) + " (" + r.payment().id()
                        + ") is earlier than the one before it: records must be in time order");
            }
            previous = r.atNanos();
            rows.add(engine.extract(r.payment(), r.atNanos()).values());
            engine.record(r.payment(), r.atNanos(), true);
            if (rows.size() > labels.length) {
                labels = Arrays.copyOf(labels, labels.length * 2);
            }
            labels[rows.size() - 1] = r.fraud() ? 1 : 0;
            scenarios.add(r.scenario());
        }
        return new Dataset(engine.schema().names(), rows.toArray(double[][]::new),
                Arrays.copyOf(labels, rows.size()), scenarios.toArray(String[]::new));
    }
}
