package dev.farthing.risk.policy;

import dev.farthing.model.ModelExplainer;
import dev.farthing.model.RiskModel;
import dev.farthing.model.guard.OodCheck;
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
    public static final Explanation NONE = new Explanation(null, null, null, OodCheck.GUARD_OFF);
    /** What decisions and their reasons carry: the largest contributions by magnitude. */
    public static final int TOP = 5;

    private final ModelExplainer explainer;
    private final FeatureVector features;
    // The explained model and its guard's verdict on this row: to score a margin as the model scored the row.
    private final RiskModel model;
    private final OodCheck ood;
    private double[] fraud;
    private double[] anomaly;

    /** Contributions only: {@link #evidenceFraudScore} is unknown. */
    public Explanation(ModelExplainer explainer, FeatureVector features) {
        this(explainer, features, null, OodCheck.GUARD_OFF);
    }

    /** Contributions of {@code model}'s scores, which it gave {@code features} under the guard's verdict {@code ood}. */
    public Explanation(ModelExplainer explainer, FeatureVector features, RiskModel model, OodCheck ood) {
        this.explainer = explainer;
        this.features = features;
        this.model = model;
        this.ood = ood;
    }

    /** The explained model; null when unknown. */
    public RiskModel model() {
        return model;
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

    /**
     * The model's fraud score for this payment with the positive contributions of its novelty and context features
     * taken out (what lowered the score stays): what the model says on the evidence families alone (velocity,
     * linkage, telemetry, baseline, travel), calibrated and guarded as the real score. NaN when the fraud score cannot
     * be explained or the model is unknown. Exact: the contributions and the bias sum to the margin.
     */
    public double evidenceFraudScore() {
        double[] all = model == null ? null : fraud();
        if (all == null) {
            return Double.NaN;
        }
        double margin = all[all.length - 1];
        for (int j = 0; j < all.length - 1; j++) {
            boolean evidence = features.schema().feature(j).family().evidence();
            margin += evidence ? all[j] : Math.min(all[j], 0.0);
        }
        return model.fraudScoreOfMargin(margin, ood);
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
