package dev.farthing.cli.policy;

import dev.farthing.risk.decide.ActionCounts;
import dev.farthing.risk.decide.BacktestReport;
import dev.farthing.risk.decide.ChangedPayment;
import dev.farthing.risk.decide.ScenarioOutcome;
import dev.farthing.risk.policy.Action;
import dev.farthing.risk.policy.PolicyDecision;
import dev.farthing.risk.policy.Reason;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** Writes a {@link BacktestReport} as plain-text tables. */
final class BacktestPrinter {
    private final PrintWriter out;

    BacktestPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(Path data, BacktestReport r) {
        out.printf("backtest of %,d payments from %s (model: %s)%n", r.total(), data, r.modelVersion());
        out.printf("baseline %s   candidate %s%n%n", r.baselineVersion(), r.candidateVersion());
        decisions(r);
        transitions(r);
        scenarios(r);
        reasons(r);
        changed(r);
    }

    private void decisions(BacktestReport r) {
        out.printf("%-12s %12s %12s%n", "decision", "baseline", "candidate");
        for (Action a : Action.values()) {
            out.printf("%-12s %12d %12d%n", a.keyword(), r.baseline().get(a), r.candidate().get(a));
        }
        out.println();
    }

    private void transitions(BacktestReport r) {
        out.println("transitions (rows: baseline, columns: candidate)");
        out.printf("%-12s", "");
        for (Action to : Action.values()) {
            out.printf(" %10s", to.keyword());
        }
        out.println();
        for (Action from : Action.values()) {
            out.printf("%-12s", from.keyword());
            for (Action to : Action.values()) {
                out.printf(" %10d", r.transitions(from, to));
            }
            out.println();
        }
        out.println();
    }

    private void scenarios(BacktestReport r) {
        out.printf("%-18s %9s  %-30s %s%n", "scenario", "payments", "baseline", "candidate");
        for (ScenarioOutcome s : r.scenarios().values()) {
            out.printf("%-18s %9d  %-30s %s%n", s.scenario(), s.total(), rates(s.fraud(), s.baseline()),
                    rates(s.fraud(), s.candidate()));
        }
        out.println();
    }

    private void reasons(BacktestReport r) {
        out.printf("%-34s %10s %10s   (candidate's reason codes, payments they appeared on)%n", "reason", "fraud",
                "legit");
        r.candidateReasons().entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().legit(), a.getValue().legit()))
                .forEach(e -> out.printf("%-34s %10d %10d%n", e.getKey(), e.getValue().fraud(), e.getValue().legit()));
        out.println();
    }

    /** Attacks: the share caught; legit traffic: the shares declined and slowed (challenged or held). */
    private static String rates(boolean fraud, ActionCounts c) {
        if (fraud) {
            return String.format(Locale.ROOT, "caught %6.2f%%", 100 * c.caughtRate());
        }
        return String.format(Locale.ROOT, "declined %.3f%% friction %.3f%%", 100 * c.declineRate(),
                100 * c.frictionRate());
    }

    private void changed(BacktestReport r) {
        out.printf("%d payments changed decision%s%n", r.changedTotal(),
                r.changed().isEmpty() ? "" : "; the first " + r.changed().size() + ":");
        for (ChangedPayment c : r.changed()) {
            out.printf("  %s %s %s (%s): %s -> %s%n", Instant.ofEpochSecond(0, c.atNanos()), c.paymentId(),
                    c.scenario(), c.label().wire(), c.baseline().action().keyword(), c.candidate().action().keyword());
            reasons("baseline ", c.baseline());
            reasons("candidate", c.candidate());
        }
    }

    private void reasons(String side, PolicyDecision d) {
        for (Reason reason : d.reasons()) {
            out.printf("      %s %s: %s%n", side, reason.code(), reason.detail());
        }
    }
}
