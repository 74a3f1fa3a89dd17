package dev.farthing.model.metrics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A model's results on a labelled dataset: overall metrics, the 1%-FPR operating point, and per scenario. */
public record Evaluation(long rows, long positives, Confusion atThreshold, double prAuc, double rocAuc,
                         OperatingPoint atOnePercentFpr, List<ScenarioMetrics> scenarios) {

    public static final double FPR_BUDGET = 0.01;

    /** @param scenarios per-row scenario names, or null when the data carries none */
    public static Evaluation of(double[] scores, int[] labels, String[] scenarios, double threshold) {
        long positives = 0;
        for (int label : labels) {
            positives += label;
        }
        List<ScenarioMetrics> perScenario = scenarios == null ? List.of()
                : byScenario(scores, labels, scenarios, threshold);
        return new Evaluation(scores.length, positives, BinaryMetrics.at(scores, labels, threshold),
                BinaryMetrics.averagePrecision(scores, labels), BinaryMetrics.rocAuc(scores, labels),
                BinaryMetrics.recallAtFpr(scores, labels, FPR_BUDGET), perScenario);
    }

    private static List<ScenarioMetrics> byScenario(double[] scores, int[] labels, String[] scenarios,
                                                    double threshold) {
        if (scenarios.length != scores.length) {
            throw new IllegalArgumentException(scenarios.length + " scenarios for " + scores.length + " scores");
        }
        Map<String, List<Integer>> groups = new TreeMap<>();
        List<Integer> legit = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            groups.computeIfAbsent(String.valueOf(scenarios[i]), k -> new ArrayList<>()).add(i);
            if (labels[i] == 0) {
                legit.add(i);
            }
        }
        List<ScenarioMetrics> out = new ArrayList<>();
        groups.forEach((name, rows) -> out.add(scenario(name, rows, legit, scores, labels, threshold)));
        return out;
    }

    private static ScenarioMetrics scenario(String name, List<Integer> rows, List<Integer> legit, double[] scores,
                                            int[] labels, double threshold) {
        double[] s = new double[rows.size()];
        int[] l = new int[rows.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = scores[rows.get(k)];
            l[k] = labels[rows.get(k)];
        }
        Confusion c = BinaryMetrics.at(s, l, threshold);
        double auc = c.truePositives() + c.falseNegatives() == 0 ? Double.NaN : aucVsLegit(rows, legit, scores, labels);
        return new ScenarioMetrics(name, rows.size(), c.truePositives() + c.falseNegatives(),
                (double) c.flagged() / rows.size(), c.recall(), c.falsePositiveRate(), auc);
    }

    private static double aucVsLegit(List<Integer> rows, List<Integer> legit, double[] scores, int[] labels) {
        List<Integer> members = new ArrayList<>(legit);
        rows.stream().filter(i -> labels[i] == 1).forEach(members::add);
        double[] s = new double[members.size()];
        int[] l = new int[members.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = scores[members.get(k)];
            l[k] = labels[members.get(k)];
        }
        return BinaryMetrics.rocAuc(s, l);
    }

    /** For the model bundle's training metadata. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("rows", rows);
        json.put("positives", positives);
        json.put("threshold", atThreshold.threshold());
        json.put("precision", atThreshold.precision());
        json.put("recall", atThreshold.recall());
        json.put("false_positive_rate", atThreshold.falsePositiveRate());
        json.put("pr_auc", prAuc);
        json.put("roc_auc", rocAuc);
        json.put("recall_at_1pct_fpr", atOnePercentFpr.recall());
        json.put("threshold_at_1pct_fpr", atOnePercentFpr.threshold());
        return json;
    }
}
