package dev.farthing.simulator.eval;

import dev.farthing.model.RiskModel;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.risk.policy.Action;
import dev.farthing.risk.policy.PolicySet;
import dev.farthing.simulator.Family;
import dev.farthing.simulator.Simulation;
import dev.farthing.simulator.SimulationConfig;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Cross-family evaluation: a model trained on one traffic family is scored on the other's fresh seeds (and the
 * mix-trained model on fresh seeds of both), through the same harness and policy. {@link #matrix} prints one
 * row per run: per-scenario recall, legitimate declined and challenged or held, the latest first-caught index
 * over the run's campaigns, and the viral bursts' outcome.
 */
public final class CrossFamily {
    /** One evaluated run: which model (by the traffic it was trained on), which family and seed it met. */
    public record Cell(String trainedOn, Family testedOn, long seed, QualityReport report) {
    }

    private CrossFamily() {
    }

    public static Cell evaluate(String trainedOn, Optional<RiskModel> model, PolicySet policy, Family family,
                                SimulationConfig config) {
        Simulation sim = family.run(config);
        String label = "model trained on " + trainedOn + " (" + model.map(RiskModel::version).orElse("none")
                + "), tested on family " + family.name().toLowerCase(Locale.ROOT) + " seed " + config.seed();
        return new Cell(trainedOn, family, config.seed(), DetectionHarness.evaluate(label, sim, Pipeline.decider(model, policy)));
    }

    public static String matrix(List<Cell> cells) {
        List<String> attacks = PaymentRecord.SCENARIOS.subList(1, PaymentRecord.SCENARIOS.size());
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-9s %-5s %-20s", "trained", "test", "seed"));
        attacks.forEach(a -> out.append(String.format(Locale.ROOT, " %8.8s", a)));
        out.append(String.format(Locale.ROOT, " %9s %9s %6s %s%n", "legitDecl", "legitFric", "first", "viral (fans/declined/challenged/held)"));
        for (Cell c : cells) {
            QualityReport r = c.report();
            out.append(String.format(Locale.ROOT, "%-9s %-5s %-20d", c.trainedOn(), c.testedOn().name().toLowerCase(Locale.ROOT), c.seed()));
            for (String a : attacks) {
                Tally t = r.scenarios().get(a);
                out.append(t == null ? String.format(Locale.ROOT, " %8s", "-") : String.format(Locale.ROOT, " %7.2f%%", 100 * t.share(t.flagged())));
            }
            Tally legit = r.legit();
            long worst = r.campaigns().values().stream().mapToLong(t -> t.firstFlagged() < 0 ? Long.MAX_VALUE : t.firstFlagged())
                    .max().orElse(0);
            out.append(String.format(Locale.ROOT, " %8.3f%% %8.3f%% %6s", 100 * legit.share(legit.count(Action.DECLINE)),
                    100 * legit.share(legit.count(Action.CHALLENGE) + legit.count(Action.REVIEW)),
                    worst == Long.MAX_VALUE ? "never" : Long.toString(worst)));
            long fans = 0;
            long declined = 0;
            long challenged = 0;
            long held = 0;
            for (Tally t : r.cohorts().values()) {
                fans += t.total();
                declined += t.count(Action.DECLINE);
                challenged += t.count(Action.CHALLENGE);
                held += t.count(Action.REVIEW);
            }
            out.append(r.cohorts().isEmpty() ? " -" : String.format(Locale.ROOT, " %d/%d/%d/%d", fans, declined, challenged, held));
            out.append('\n');
        }
        return out.toString();
    }
}
