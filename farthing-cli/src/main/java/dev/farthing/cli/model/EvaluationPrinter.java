package dev.farthing.cli.model;

import dev.farthing.model.metrics.Confusion;
import dev.farthing.model.metrics.Evaluation;
import dev.farthing.model.metrics.ScenarioMetrics;

import java.io.PrintWriter;

/** Formats an {@link Evaluation} as the plain-text table {@code farthing model eval} prints. */
final class EvaluationPrinter {

    private EvaluationPrinter() {
    }

    static void print(PrintWriter out, String version, String data, Evaluation fraud, Evaluation anomaly) {
        out.println("Model " + version + " on " + data);
        Confusion c = fraud.atThreshold();
        out.printf("Fraud score (trees): %d rows, %d fraud%n", fraud.rows(), fraud.positives());
        out.printf("  at threshold %s: precision %s  recall %s  FPR %s  (flagged %d: %d fraud, %d legit)%n",
                num(c.threshold()), num(c.precision()), num(c.recall()), num(c.falsePositiveRate()), c.flagged(),
                c.truePositives(), c.falsePositives());
        out.printf("  PR-AUC %s  ROC-AUC %s%n", num(fraud.prAuc()), num(fraud.rocAuc()));
        out.printf("  recall at 1%% FPR: %s (threshold %s, FPR %s)%n", num(fraud.atOnePercentFpr().recall()),
                num(fraud.atOnePercentFpr().threshold()), num(fraud.atOnePercentFpr().falsePositiveRate()));
        if (anomaly != null) {
            out.printf("Anomaly score (isolation forest, unsupervised): PR-AUC %s  ROC-AUC %s  recall at 1%% FPR %s%n",
                    num(anomaly.prAuc()), num(anomaly.rocAuc()), num(anomaly.atOnePercentFpr().recall()));
        }
        if (!fraud.scenarios().isEmpty()) {
            out.printf("Per scenario (threshold %s):%n", num(c.threshold()));
            out.printf("  %-18s %8s %8s %9s %8s %8s %11s%n", "scenario", "rows", "fraud", "flagged", "recall",
                    "FPR", "AUC-vs-legit");
            for (ScenarioMetrics s : fraud.scenarios()) {
                out.printf("  %-18s %8d %8d %9s %8s %8s %11s%n", s.scenario(), s.rows(), s.positives(),
                        num(s.flaggedRate()), num(s.recall()), num(s.falsePositiveRate()), num(s.rocAucVsLegit()));
            }
        }
        out.flush();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
