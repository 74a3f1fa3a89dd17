package dev.farthing.simulator.disputes;

import dev.farthing.disputes.calendar.Jurisdiction;
import dev.farthing.disputes.calendar.Jurisdictions;
import dev.farthing.disputes.model.Resolution;
import dev.farthing.disputes.model.Vote;
import dev.farthing.disputes.resolve.AutoResolver;
import dev.farthing.disputes.resolve.Case;
import dev.farthing.disputes.resolve.LogisticModel;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tuning loop's view: the automatic resolution (shipped model) on a fresh draw of the tuning mix, per
 * archetype how many are decided alone and how many of those are wrong, and which resolvers abstain. Run it after
 * changing a resolver: {@code java ... dev.farthing.simulator.disputes.DisputeTuning [SEED] [N]}.
 */
public final class DisputeTuning {
    private DisputeTuning() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 7L;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        AutoResolver resolver = new AutoResolver(LogisticModel.shipped());
        Jurisdiction j = Jurisdictions.defaults().of("USD");
        Map<Archetype, int[]> stats = new EnumMap<>(Archetype.class);
        Map<String, Integer> abstain = new TreeMap<>();
        Map<String, Integer> because = new TreeMap<>();
        for (LabelledDispute d : new DisputeMix(seed).draw(n)) {
            Resolution r = resolver.resolve(new Case(d.request(), d.amount(), d.gathered(), d.evidence()), j, true);
            int[] s = stats.computeIfAbsent(d.archetype(), a -> new int[3]);
            s[0]++;
            if (r.automatic()) {
                s[1]++;
                if (r.outcome().refunds() != d.claimantRight()) s[2]++;
            }
            for (Vote v : r.votes()) if (v.abstains()) abstain.merge(v.resolver() + "/" + d.request().reason().wire(), 1, Integer::sum);
            for (String b : r.escalateBecause()) because.merge(b.replaceAll("[:(].*", "").trim(), 1, Integer::sum);
        }
        stats.forEach((a, s) -> System.out.printf("%-16s %6d  automatic %5.1f%%  wrong %d%n", a, s[0], 100.0 * s[1] / s[0], s[2]));
        System.out.println("abstentions: " + abstain);
        System.out.println("escalated because: " + because);
    }
}
