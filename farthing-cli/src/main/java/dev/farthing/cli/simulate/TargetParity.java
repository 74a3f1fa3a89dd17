package dev.farthing.cli.simulate;

import dev.farthing.cli.CliException;
import dev.farthing.model.RiskModel;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.risk.policy.Action;
import dev.farthing.risk.policy.PolicySet;
import dev.farthing.simulator.Simulation;
import dev.farthing.simulator.drive.DriveReport;
import dev.farthing.simulator.drive.PaymentDriver;
import dev.farthing.simulator.drive.Schedule;
import dev.farthing.simulator.drive.ServerApi;
import dev.farthing.simulator.eval.DetectionHarness;
import dev.farthing.simulator.eval.Pipeline;
import dev.farthing.simulator.eval.QualityReport;
import dev.farthing.simulator.eval.Tally;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code simulate --target} on the simulated schedule: the warm-up and window are sent at their own times
 * (compressed only as far as needed, and only when allowed), the warm-up is not scored, and the server's
 * figures are printed beside an in-process replay of exactly what was sent, on the same schedule, so that a
 * difference means the server decides differently, not that the traffic differed.
 */
final class TargetParity {
    private TargetParity() {
    }

    static void run(ServerApi api, Simulation sim, URI target, Duration limit, Double requested, boolean allowCompression,
                    int concurrency, Optional<RiskModel> model, PolicySet policy, PrintWriter out) throws InterruptedException {
        long simStart = sim.config().warmupStartNanos();
        long span = sim.config().endNanos() - simStart;
        double compression = requested != null ? requested : Schedule.compressionFor(span, limit.toNanos());
        if (compression > 1 && !allowCompression) {
            throw new CliException(String.format(Locale.ROOT, "replaying %s of warm-up and %s of window in %s needs time "
                    + "compression %.1f: every gap would shrink %.1f-fold and people would look like velocity bursts. Replay at "
                    + "real pace (--warmup 0s --sim-duration D --duration D, then compare with --evaluate --warmup 0s "
                    + "--duration D), or pass --allow-compression to compare the server with an in-process replay of the "
                    + "same compressed schedule", sim.config().warmup(), sim.config().duration(), limit, compression, compression));
        }
        Schedule schedule = new Schedule(simStart, PaymentDriver.epochNanos() + 1_000_000_000L, compression);
        List<PaymentRecord> sent = schedule.rebase(sim.records());
        long scoreFrom = schedule.wallAt(sim.config().startNanos());
        long end = schedule.wallAt(simStart) + limit.toNanos();
        out.printf(Locale.ROOT, "replaying the simulated schedule at compression %.2f (%s)%n", compression,
                compression == 1 ? "real pace" : "time runs " + String.format(Locale.ROOT, "%.1f", compression) + "x faster than simulated");
        out.flush();
        DriveReport report = new PaymentDriver(api, 1, limit.toNanos(), concurrency).runScheduled(sent, scoreFrom);
        QualityReport server = report.quality("server " + target + ", seed " + sim.config().seed());
        out.print(report.format("server " + target + ", seed " + sim.config().seed()));
        List<PaymentRecord> reached = sent.stream().filter(r -> r.atNanos() <= end).toList();
        QualityReport local = DetectionHarness.evaluate("in-process replay of the same schedule (model "
                        + model.map(RiskModel::version).orElse("none") + ", policy " + policy.version() + ")", reached,
                sim.cohorts(), Pipeline.decider(model, policy), scoreFrom);
        out.print(local.format());
        out.print(compare(server, local));
        if (report.wasCutShort()) {
            out.printf(Locale.ROOT, "partial day: the time limit stopped the replay after %d of %d payments; both sides "
                    + "above count only what was sent%n", reached.size(), sent.size());
        }
        if (report.failedCount() > 0) {
            out.println(report.failedCount() + " payments were refused by the server (see 'failed:' above) and are missing from its figures");
        }
        out.println(compression == 1
                ? "compression 1: this is the traffic `simulate --evaluate` scores for the same seed, users, --warmup and "
                + "--duration (= this --sim-duration); its figures are directly comparable"
                : String.format(Locale.ROOT, "compression %.1f: NOT comparable with --evaluate for this seed (the server saw "
                + "bursts that never happened); compare the server with the in-process replay of the same schedule above", compression));
        out.flush();
    }

    static String compare(QualityReport server, QualityReport local) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-17s %10s %10s %8s%n", "flagged%", "server", "in-process", "diff"));
        TreeSet<String> names = new TreeSet<>(server.scenarios().keySet());
        names.addAll(local.scenarios().keySet());
        double worst = 0;
        for (String name : names) {
            double a = flagged(server.scenarios().get(name));
            double b = flagged(local.scenarios().get(name));
            worst = name.equals(PaymentRecord.LEGIT) ? worst : Math.max(worst, Math.abs(a - b));
            out.append(String.format(Locale.ROOT, "%-17s %9.2f%% %9.2f%% %+7.2f%n", name, a, b, a - b));
        }
        Tally s = server.legit();
        Tally l = local.legit();
        out.append(String.format(Locale.ROOT, "%-17s %9.3f%% %9.3f%% %+7.3f%n", "legit declined", 100 * s.share(s.count(Action.DECLINE)),
                100 * l.share(l.count(Action.DECLINE)), 100 * (s.share(s.count(Action.DECLINE)) - l.share(l.count(Action.DECLINE)))));
        out.append(String.format(Locale.ROOT, "largest difference in an attack scenario's caught%%: %.2f points%n", worst));
        return out.toString();
    }

    private static double flagged(Tally t) {
        return t == null ? Double.NaN : 100 * t.share(t.flagged());
    }
}
