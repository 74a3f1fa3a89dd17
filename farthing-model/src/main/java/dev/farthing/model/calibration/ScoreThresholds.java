package dev.farthing.model.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Score thresholds for the policy's model bands, chosen from held-out legitimate payments so that at most the
 * target share of them scores strictly above each one ({@link #select}). {@link #NONE} (all NaN) is what a
 * bundle without thresholds offers: comparisons with NaN are false, so a policy that falls back to literal
 * numbers with {@code known(...)} keeps working.
 *
 * @param legitimateRows held-out legitimate rows the thresholds were chosen on (0 for NONE)
 */
public record ScoreThresholds(double decline, double review, double challenge, double declineTarget,
                              double reviewTarget, double challengeTarget, int legitimateRows) {

    /** Default targets: 0.1% of legitimate payments above the decline band, 0.3% above review, 1% above challenge. */
    public static final double DECLINE_TARGET = 0.001;
    public static final double REVIEW_TARGET = 0.003;
    public static final double CHALLENGE_TARGET = 0.01;

    public static final ScoreThresholds NONE = new ScoreThresholds(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, 0);

    public boolean present() {
        return !Double.isNaN(decline);
    }

    /** Thresholds for the default targets. */
    public static ScoreThresholds select(double[] legitimateScores) {
        return select(legitimateScores, DECLINE_TARGET, REVIEW_TARGET, CHALLENGE_TARGET);
    }

    /**
     * The thresholds at which at most {@code target × n} of the legitimate scores lie strictly above, for each
     * band. Targets must satisfy 0 &lt; decline ≤ review ≤ challenge &lt; 1; NaN scores are ignored.
     */
    public static ScoreThresholds select(double[] legitimateScores, double declineTarget, double reviewTarget,
                                         double challengeTarget) {
        if (!(declineTarget > 0 && declineTarget <= reviewTarget && reviewTarget <= challengeTarget
                && challengeTarget < 1)) {
            throw new IllegalArgumentException("targets must satisfy 0 < decline <= review <= challenge < 1, got "
                    + declineTarget + ", " + reviewTarget + ", " + challengeTarget);
        }
        double[] sorted = java.util.Arrays.stream(legitimateScores).filter(s -> !Double.isNaN(s)).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("cannot choose thresholds without legitimate scores");
        }
        return new ScoreThresholds(atRate(sorted, declineTarget), atRate(sorted, reviewTarget),
                atRate(sorted, challengeTarget), declineTarget, reviewTarget, challengeTarget, sorted.length);
    }

    /** The share of {@code scores} strictly above {@code threshold} (NaN scores ignored). */
    public static double rateAbove(double[] scores, double threshold) {
        long n = 0;
        long above = 0;
        for (double s : scores) {
            if (!Double.isNaN(s)) {
                n++;
                above += s > threshold ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : (double) above / n;
    }

    /** Ascending {@code sorted}: the k-th largest value, k = floor(rate × n); at most k values lie above it. */
    private static double atRate(double[] sorted, double rate) {
        int k = (int) Math.floor(rate * sorted.length);
        return sorted[sorted.length - 1 - Math.min(k, sorted.length - 1)];
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("decline", decline);
        json.put("review", review);
        json.put("challenge", challenge);
        ObjectNode targets = json.putObject("target_false_decline_rate");
        targets.put("decline", declineTarget);
        targets.put("review", reviewTarget);
        targets.put("challenge", challengeTarget);
        json.put("legitimate_rows", legitimateRows);
        return json;
    }

    public static ScoreThresholds fromJson(JsonNode json) {
        JsonNode t = json.path("target_false_decline_rate");
        ScoreThresholds s = new ScoreThresholds(number(json, "decline"), number(json, "review"),
                number(json, "challenge"), number(t, "decline"), number(t, "review"), number(t, "challenge"),
                json.path("legitimate_rows").asInt());
        if (!(s.challenge <= s.review && s.review <= s.decline)) {
            throw new IllegalArgumentException("thresholds must satisfy challenge <= review <= decline");
        }
        return s;
    }

    private static double number(JsonNode json, String field) {
        JsonNode v = json.path(field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("thresholds." + field + " must be a number");
        }
        return v.asDouble();
    }
}
