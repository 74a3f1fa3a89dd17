package dev.farthing.model.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Live histograms of the rows one model scores, in the fixed bins of its training statistics, for PSI drift.
 * Bounded: one counter per bin of every feature, nothing per payment. {@link #record} is called by the single
 * decision thread: it reads its own counters plainly and publishes each increment with a release store (no
 * lock, no compare-and-set); readers call {@link #snapshot} from any thread and see every count published so
 * far (bins of one row may appear a moment apart, never torn).
 */
public final class DriftMonitor {
    private final TrainingStats stats;
    private final int[] offset;
    private final AtomicLongArray counts;
    private final AtomicLongArray rows = new AtomicLongArray(1);

    public DriftMonitor(TrainingStats stats) {
        this.stats = stats;
        List<FeatureStats> features = stats.features();
        offset = new int[features.size() + 1];
        for (int j = 0; j < features.size(); j++) {
            offset[j + 1] = offset[j] + features.get(j).bins();
        }
        counts = new AtomicLongArray(offset[features.size()]);
    }

    /** Counts one scored row. Single writer only. */
    public void record(double[] row) {
        List<FeatureStats> features = stats.features();
        for (int j = 0; j < features.size(); j++) {
            int i = offset[j] + features.get(j).bin(row[j]);
            counts.setRelease(i, counts.getPlain(i) + 1);
        }
        rows.setRelease(0, rows.getPlain(0) + 1);
    }

    /** PSI per feature of everything recorded so far. Any thread. */
    public DriftSnapshot snapshot() {
        List<FeatureStats> features = stats.features();
        List<DriftSnapshot.FeatureDrift> out = new ArrayList<>(features.size());
        for (int j = 0; j < features.size(); j++) {
            FeatureStats f = features.get(j);
            long[] live = new long[f.bins()];
            for (int b = 0; b < live.length; b++) {
                live[b] = counts.getAcquire(offset[j] + b);
            }
            out.add(new DriftSnapshot.FeatureDrift(f.name(), Psi.of(f.fractions(), live), f.edges(), f.fractions(),
                    live));
        }
        return new DriftSnapshot(rows.getAcquire(0), out);
    }
}
