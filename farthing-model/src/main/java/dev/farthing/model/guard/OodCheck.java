package dev.farthing.model.guard;

import java.util.List;

/**
 * The out-of-distribution verdict for one row: the features far outside their training range (see
 * {@link TrainingStats#check}) and the weight the model's score keeps, 1 for a row inside the training
 * distribution. {@link #GUARD_OFF} for a model without training statistics.
 */
public record OodCheck(List<String> farFeatures, double weight, boolean guardOn) {
    public static final OodCheck IN_DISTRIBUTION = new OodCheck(List.of(), 1.0, true);
    public static final OodCheck GUARD_OFF = new OodCheck(List.of(), 1.0, false);

    public OodCheck {
        farFeatures = List.copyOf(farFeatures);
    }

    public boolean outOfDistribution() {
        return !farFeatures.isEmpty();
    }

    /**
     * {@code score} shrunk toward {@code prior} by this check's weight, {@code prior + weight·(score − prior)}, but
     * never raised: the guard reduces the model's weight in a flag, and a payment is never rated riskier for being
     * unlike the training data (novelty is not evidence; a fraud-enriched training prior would otherwise lift
     * every unfamiliar legitimate payment toward it).
     */
    public double shrink(double score, double prior) {
        return weight == 1.0 || Double.isNaN(score) ? score : Math.min(score, prior + weight * (score - prior));
    }
}
