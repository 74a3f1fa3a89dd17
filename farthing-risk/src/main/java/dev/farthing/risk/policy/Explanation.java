package dev.farthing.risk.policy;

import dev.farthing.model.ModelExplainer;
import dev.farthing.risk.features.FeatureVector;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-feature contributions to one payment's model scores, computed on first use and then kept: exact
 * TreeSHAP costs far more than scoring, so it runs only for payments whose policy reads {@code contribution.*}
 * or whose matched rules are explained by a model. One payment, one thread.
 */
public final class Explanation {
    /** No active model, or one that cannot be explained: every contribution is unknown. */
    public static final Explanation NONE = new Explanation(null, null);
    /** What decisions and their reasons carry: the largest contributions by magnitude. */
    public static final int TOP = 5;

    private final ModelExplainer explainer;
    private final FeatureVector features;
    private double[] fraud;
    private double[] anomaly;

    public Explanation(ModelExplainer explainer, FeatureVector features) {
        this.explainer = explainer;
        this.features = features;
    }

    public boolean explainsFraud() {
        return explainer != null && explainer.explainsFraud();
    }

    public boolean explainsAnomaly() {
        return explainer != null && explainer.explainsAnomaly();
    }

    /** Contributions to the fraud margin (log-odds), one per feature then the bias; null when unexplainable. */
    public double[] fraud() {
        if (fraud == null && explainsFraud()) {
            double[] out = new double[features.values().length + 1];
            explainer.fraud(features.values(), out);
            fraud = out;
        }
        return fraud;
    }

    /** Contributions to the anomaly score, one per feature then the baseline; null without a forest. */
    public double[] anomaly() {
        if (anomaly == null && explainsAnomaly()) {
            double[] out = new double[features.values().length + 1];
            explainer.anomaly(features.values(), out);
            anomaly = out;
        }
        return anomaly;
    }

    /** The feature's contribution to the fraud margin, NaN when the fraud score cannot be explained. */
    public double fraudContribution(int feature) {
        double[] all = fraud();
        return all == null ? Double.NaN : all[feature];
    }

    /** The {@link #TOP} largest fraud contributions by magnitude, largest first; empty when unexplainable. */
    public List<Contribution> topFraud() {
        return top(fraud());
    }

    public List<Contribution> topAnomaly() {
        return top(anomaly());
    }

    /** Selection of the largest |contribution| among the features (the trailing bias is not a feature); zeros skipped. */
    private List<Contribution> top(double[] all) {
        if (all == null) {
            return List.of();
        }
        int[] best = new int[TOP];
        int found = 0;
        for (int j = 0; j < all.length - 1; j++) {
            double size = Math.abs(all[j]);
            if (!(size > 0)) {
                continue;
            }
            int at = found < TOP ? found++ : TOP;
            while (at > 0 && Math.abs(all[best[at - 1]]) < size) {
                if (at < TOP) {
                    best[at] = best[at - 1];
                }
                at--;
            }
            if (at < TOP) {
                best[at] = j;
            }
        }
        List<Contribution> out = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            int j = best[i];
            var feature = features.schema().feature(j);
            out.add(new Contribution(feature.name(), features.get(j), feature.unit(), all[j]));
        }
        return out;
    }
}
