package dev.farthing.disputes.resolve;

import dev.farthing.disputes.calendar.Jurisdiction;
import dev.farthing.disputes.evidence.ClaimantHistory;
import dev.farthing.disputes.model.DisputeClass;
import dev.farthing.disputes.model.DisputeOutcome;
import dev.farthing.disputes.model.Reason;
import dev.farthing.disputes.model.Resolution;
import dev.farthing.disputes.model.Tier;
import dev.farthing.disputes.model.Vote;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides alone only when every resolver (at least three) votes the same outcome and the value is under the
 * jurisdiction's limit. Otherwise it says why and where to: weak evidence asks the parties for more first (once),
 * then goes to L1; disagreement goes to L1; a repeat offender who would be refunded, or a value over the limit,
 * to L2; a value over 20 times the limit to L3 (external arbitration).
 *
 * <p>Reputation only ever protects: it can stop an automatic refund to a repeat offender (who then gets a person,
 * not a refusal), never an automatic refusal of someone without history, and a claim classed as fraud on the
 * payer is never refused automatically (a person looks at it).
 */
public final class AutoResolver {
    public static final int MIN_RESOLVERS = 3;
    private final List<Resolver> resolvers;
    private final ModelResolver model;

    public AutoResolver(LogisticModel trained) {
        this.model = new ModelResolver(trained);
        this.resolvers = List.of(new RulesResolver(), model, new ChecklistResolver());
    }

    public Resolution resolve(Case c, Jurisdiction j, boolean evidenceAskedBefore) {
        List<Vote> votes = new ArrayList<>();
        for (Resolver r : resolvers) {
            votes.add(r.vote(c));
        }
        DisputeClass cls = Classifier.classify(c, model.probability(c));
        ClaimantHistory h = c.gathered().history();
        List<String> because = new ArrayList<>();
        boolean weak = votes.stream().anyMatch(Vote::abstains);
        DisputeOutcome agreed = agreed(votes);
        if (weak) {
            because.add("weak evidence: " + votes.stream().filter(Vote::abstains).map(Vote::resolver).toList() + " abstain");
        } else if (agreed == null) {
            because.add("disagreement: " + votes.stream().map(v -> v.resolver() + "=" + v.outcome().wire()).toList());
        }
        Tier tier = Tier.L1;
        long value = c.amount();
        if (!j.underAutoLimit(c.gathered().payment() == null ? currencyOf(c) : c.gathered().payment().currency(), value)) {
            because.add("value " + value + " over the automatic limit");
            Long limit = j.autoLimit().get(currencyOf(c));
            tier = limit != null && value / 20 > limit ? Tier.L3 : Tier.L2;
        }
        if (agreed != null && agreed.refunds() && h.repeatOffender()) {
            because.add("repeat claimant: " + h.lost() + " claims lost, " + h.lostRecent() + " recently");
            tier = max(tier, Tier.L2);
        }
        if (agreed == DisputeOutcome.LOST && (cls == DisputeClass.FRAUD || h.confirmedFraudVictim() > 0
                || c.evidence().stream().anyMatch(dev.farthing.disputes.model.EvidenceItem::fraudReport))
                && c.request().reason() == Reason.UNAUTHORIZED) {
            because.add("a possible fraud victim is never refused automatically");
        }
        if (because.isEmpty()) {
            long refund = agreed.refunds() ? votes.stream().mapToLong(Vote::refund).min().orElse(0) : 0;
            return new Resolution(cls, votes, true, agreed, refund, List.of(), null, false);
        }
        boolean onlyWeak = weak && because.size() == 1;
        return new Resolution(cls, votes, false, null, 0, because, tier, onlyWeak && !evidenceAskedBefore);
    }

    private static String currencyOf(Case c) {
        if (c.gathered().payment() != null) return c.gathered().payment().currency();
        return c.gathered().channel() == null ? "" : c.gathered().channel().currency();
    }

    private static DisputeOutcome agreed(List<Vote> votes) {
        if (votes.size() < MIN_RESOLVERS) return null;
        DisputeOutcome first = votes.getFirst().outcome();
        for (Vote v : votes) {
            if (v.outcome() == null || v.outcome() != first) return null;
        }
        return first;
    }

    private static Tier max(Tier a, Tier b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
