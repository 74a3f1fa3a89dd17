package dev.farthing.model.guard;

import java.util.List;

/**
 * Drift of live traffic against a model's training distribution at one moment: rows counted and, per feature,
 * its PSI (NaN before any row), bins and counts. {@link #overall} is the mean PSI over the features, {@link #max}
 * the largest; {@link #exceeding} names the features above {@link Psi#ALERT}.
 */
public record DriftSnapshot(long rows, List<FeatureDrift> features) {

    public DriftSnapshot {
        features = List.copyOf(features);
    }

    /** One feature: PSI, the training bin edges and shares (last bin = missing) and the live counts per bin. */
    public record FeatureDrift(String name, double psi, double[] edges, double[] trainFractions, long[] liveCounts) {
    }

    public double overall() {
        double sum = 0;
        int n = 0;
        for (FeatureDrift f : features) {
            if (!Double.isNaN(f.psi())) {
                sum += f.psi();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    public double max() {
        double max = Double.NaN;
        for (FeatureDrift f : features) {
            if (!Double.isNaN(f.psi()) && !(f.psi() <= max)) {
                max = f.psi();
            }
        }
        return max;
    }

    public List<String> exceeding() {
        return features.stream().filter(f -> f.psi() > Psi.ALERT).map(FeatureDrift::name).toList();
    }
}
