package dev.farthing.cli.model;

import dev.farthing.model.metrics.Confusion;
import dev.farthing.model.metrics.Evaluation;

import java.io.PrintWriter;
import java.util.Locale;

/** The trees' figures beside the logistic baseline's, on the same test rows, as {@code model eval} prints them. */
final class BaselinePrinter {

    private BaselinePrinter() {
    }

    static void print(PrintWriter out, String treesName, Evaluation trees, Evaluation baseline, boolean inSample) {
        out.println("Trees vs logistic-regression baseline (trained on the same train part in this run, same test rows"
                + (inSample ? "; these ARE the train rows, so both figures are in-sample" : "") + "):");
        out.printf("  %-26s %10s %10s%n", "", "trees", "baseline");
        row(out, "PR-AUC", trees.prAuc(), baseline.prAuc());
        row(out, "ROC-AUC", trees.rocAuc(), baseline.rocAuc());
        row(out, "recall at 1% FPR", trees.atOnePercentFpr().recall(), baseline.atOnePercentFpr().recall());
        Confusion t = trees.atThreshold();
        Confusion b = baseline.atThreshold();
        String at = " at " + num(t.threshold());
        row(out, "precision" + at, t.precision(), b.precision());
        row(out, "recall" + at, t.recall(), b.recall());
        row(out, "FPR" + at, t.falsePositiveRate(), b.falsePositiveRate());
        boolean atLeast = !(trees.prAuc() < baseline.prAuc());
        out.printf("  %s (%s): PR-AUC %s the baseline's by %s%n", atLeast ? "trees >= baseline" : "TREES < BASELINE",
                treesName, atLeast ? "at least" : "below", num(Math.abs(trees.prAuc() - baseline.prAuc())));
    }

    private static void row(PrintWriter out, String name, double trees, double baseline) {
        out.printf("  %-26s %10s %10s%n", name, num(trees), num(baseline));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
