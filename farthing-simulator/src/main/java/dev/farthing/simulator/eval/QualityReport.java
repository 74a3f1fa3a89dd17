package dev.farthing.simulator.eval;

import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.risk.policy.Action;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Detection quality of one run: per scenario (legitimate traffic and each attack pattern), per campaign and
 * per legitimate cohort (viral bursts), with the decision latency of the in-process pipeline.
 * {@link #violations} lists every target missed.
 */
public record QualityReport(String label, SortedMap<String, Tally> scenarios, SortedMap<String, Tally> campaigns,
                            SortedMap<String, Tally> cohorts, Latency latency) {

    public QualityReport(String label, SortedMap<String, Tally> scenarios, SortedMap<String, Tally> campaigns,
                         Latency latency) {
        this(label, scenarios, campaigns, new TreeMap<>(), latency);
    }

    /** Latency in microseconds of {@code what} (the in-process decision, or an HTTP round trip). */
    public record Latency(String what, double p50Us, double p99Us, double maxUs) {
    }

    public Tally legit() {
        return scenarios.getOrDefault(PaymentRecord.LEGIT, new Tally());
    }

    /** Attack payments of every scenario together. */
    public double caughtOverall() {
        long total = 0;
        long flagged = 0;
        for (Map.Entry<String, Tally> e : scenarios.entrySet()) {
            if (!e.getKey().equals(PaymentRecord.LEGIT)) {
                total += e.getValue().total();
                flagged += e.getValue().flagged();
            }
        }
        return total == 0 ? 0 : (double) flagged / total;
    }

    public List<String> violations(Targets targets) {
        List<String> out = new ArrayList<>();
        Tally legit = legit();
        double declined = legit.share(legit.count(Action.DECLINE));
        double friction = legit.share(legit.count(Action.CHALLENGE) + legit.count(Action.REVIEW));
        if (declined > targets.maxLegitDeclined()) {
            out.add(String.format(Locale.ROOT, "legit declined %.3f%% > %.3f%%", 100 * declined, 100 * targets.maxLegitDeclined()));
        }
        if (friction > targets.maxLegitFriction()) {
            out.add(String.format(Locale.ROOT, "legit challenged or held %.3f%% > %.3f%%", 100 * friction, 100 * targets.maxLegitFriction()));
        }
        scenarios.forEach((name, t) -> {
            if (!name.equals(PaymentRecord.LEGIT) && t.share(t.flagged()) < targets.minCaught()) {
                out.add(String.format(Locale.ROOT, "%s caught %.2f%% < %.0f%%", name, 100 * t.share(t.flagged()), 100 * targets.minCaught()));
            }
        });
        campaigns.forEach((name, t) -> {
            if (t.firstFlagged() < 0 || t.firstFlagged() > targets.flagWithin()) {
                out.add(name + " first flagged at payment " + (t.firstFlagged() < 0 ? "never" : t.firstFlagged())
                        + " (of " + t.total() + ")");
            }
        });
        cohorts.forEach((name, t) -> {
            // A viral burst is untouched when none of its fans is declined or held and at most the legitimate
            // friction budget of them is challenged.
            long held = t.count(Action.DECLINE) + t.count(Action.REVIEW);
            if (held > 0 || t.share(t.count(Action.CHALLENGE)) > targets.maxLegitFriction()) {
                out.add(String.format(Locale.ROOT, "%s (legit cohort): %d of %d declined or held, %d challenged", name,
                        held, t.total(), t.count(Action.CHALLENGE)));
            }
        });
        return out;
    }

    /** A fixed-width table for terminals and docs. */
    public String format() {
        StringBuilder out = new StringBuilder(label).append('\n');
        out.append(String.format(Locale.ROOT, "%-17s %8s %8s %8s %8s %8s  %s%n",
                "scenario", "payments", "caught%", "declined", "challngd", "held", "top reasons"));
        scenarios.forEach((name, t) -> out.append(String.format(Locale.ROOT, "%-17s %8d %8.2f %8d %8d %8d  %s%n",
                name, t.total(), 100 * t.share(t.flagged()), t.count(Action.DECLINE), t.count(Action.CHALLENGE),
                t.count(Action.REVIEW), reasons(t))));
        Tally legit = legit();
        out.append(String.format(Locale.ROOT, "legit declined %.3f%%, legit challenged or held %.3f%%, attacks caught %.2f%%%n",
                100 * legit.share(legit.count(Action.DECLINE)),
                100 * legit.share(legit.count(Action.CHALLENGE) + legit.count(Action.REVIEW)), 100 * caughtOverall()));
        out.append("campaigns (first flagged payment / size / caught%):");
        campaigns.forEach((name, t) -> out.append(String.format(Locale.ROOT, " %s %s/%d/%.0f", name,
                t.firstFlagged() < 0 ? "never" : Long.toString(t.firstFlagged()), t.total(), 100 * t.share(t.flagged()))));
        if (!cohorts.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nlegit cohorts (payments / declined / challenged / held):"));
            cohorts.forEach((name, t) -> out.append(String.format(Locale.ROOT, " %s %d/%d/%d/%d", name, t.total(),
                    t.count(Action.DECLINE), t.count(Action.CHALLENGE), t.count(Action.REVIEW))));
        }
        out.append(String.format(Locale.ROOT, "%n%s: p50 %.1f us, p99 %.1f us, max %.0f us%n",
                latency.what(), latency.p50Us(), latency.p99Us(), latency.maxUs()));
        return out.toString();
    }

    private static String reasons(Tally t) {
        return t.topReasons(4).stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
