package dev.farthing.risk.decide;

import dev.farthing.model.ModelExplainer;
import dev.farthing.model.RiskModel;
import dev.farthing.model.calibration.ScoreThresholds;
import dev.farthing.model.guard.DriftMonitor;
import dev.farthing.model.guard.OodCheck;
import dev.farthing.risk.features.FeatureEngine;
import dev.farthing.risk.features.FeatureVector;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.policy.Explanation;
import dev.farthing.risk.policy.PolicyInput;
import dev.farthing.risk.policy.PolicySet;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The decision core shared by the online engine, the simulator and the backtest: features, then model, then
 * policy. The model and the policy are read from suppliers on every payment, so activating a new version takes
 * effect on the next payment. Single-writer like the feature engine: one thread calls {@link #decide} and
 * {@link #learn} in ledger-time order. Allocates only the feature vector, the scores, the decision and its
 * {@link Explanation}: every decision by an explainable model carries the model's top TreeSHAP contributions
 * (in a model rule's reason, else in a {@code model_contributions} reason).
 *
 * <p>The model's part is guarded: a row far outside the model's training distribution is scored with the
 * model's weight reduced and a {@code model_out_of_distribution} reason naming the features; every scored row
 * is counted in the model's live drift histograms (this thread is their single writer). The policy sees the
 * model's thresholds as {@code model.*_threshold}; its decision is capped by the evidence rule of
 * {@link dev.farthing.risk.policy.PolicySet#evaluate} (novelty is not evidence).
 */
public final class Decider {
    /** The model version reported when no model is active. */
    public static final String NO_MODEL = "none";
    private static final RiskModel.Scores NO_SCORES = new RiskModel.Scores(Double.NaN, Double.NaN);

    private final FeatureEngine features;
    private final Supplier<Optional<RiskModel>> model;
    private final Supplier<PolicySet> policy;
    // The last model checked against the feature schema; a model is checked once, not per payment.
    private RiskModel checkedModel;
    // The checked model's explainer (its buffers are this thread's), null when the model cannot be explained.
    private ModelExplainer explainer;

    public Decider(FeatureEngine features, Supplier<Optional<RiskModel>> model, Supplier<PolicySet> policy) {
        this.features = Objects.requireNonNull(features, "features");
        this.model = Objects.requireNonNull(model, "model");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public FeatureEngine features() {
        return features;
    }

    /** Decides {@code payment} as if at {@code atNanos}; changes no state (call {@link #learn} after). */
    public Decision decide(PaymentRequest payment, long atNanos) {
        FeatureVector vector = features.extract(payment, atNanos);
        RiskModel active = model.get().orElse(null);
        OodCheck ood = OodCheck.GUARD_OFF;
        RiskModel.Scores scores = NO_SCORES;
        if (active != null) {
            ood = check(active, vector);
            scores = active.score(vector.values(), ood);
            DriftMonitor drift = active.drift();
            if (drift != null) {
                drift.record(vector.values());
            }
        }
        PolicySet rules = policy.get();
        ScoreThresholds thresholds = active == null ? ScoreThresholds.NONE : active.thresholds();
        Explanation explanation = active == null || explainer == null ? Explanation.NONE
                : new Explanation(explainer, vector, active, ood);
        var decision = rules.evaluate(new PolicyInput(payment, vector, scores, atNanos, thresholds, explanation));
        decision = ModelContributionsReason.add(decision, explanation);
        if (ood.outOfDistribution()) {
            decision = OutOfDistributionReason.add(decision, ood);
        }
        return new Decision(vector, scores, decision, active == null ? NO_MODEL : active.version(), rules.version());
    }

    /**
     * The contributions of the model that decided the last payment, computed lazily for {@code vector}
     * (the features {@link #decide} returned); {@link Explanation#NONE} when it cannot be explained.
     */
    public Explanation explanation(FeatureVector vector) {
        return explainer == null ? Explanation.NONE : new Explanation(explainer, vector);
    }

    /** Records a decided attempt; {@code moved} is true when money moved (see {@link FeatureEngine#record}). */
    public void learn(PaymentRequest payment, long atNanos, boolean moved) {
        features.record(payment, atNanos, moved);
    }

    private OodCheck check(RiskModel active, FeatureVector vector) {
        if (active != checkedModel) {
            // Throws FeatureMismatchException: a model trained on other features must not score silently.
            active.requireFeatures(vector.schema().names());
            checkedModel = active;
            explainer = explainerOf(active);
        }
        return active.outOfDistribution(vector.values());
    }

    private static ModelExplainer explainerOf(RiskModel model) {
        try {
            return model.explainer();
        } catch (IllegalArgumentException e) {
            // An explanation is a courtesy: a model that scores but cannot be explained still decides.
            System.getLogger(Decider.class.getName()).log(System.Logger.Level.WARNING,
                    "model " + model.version() + " cannot explain its scores: " + e.getMessage());
            return null;
        }
    }
}
