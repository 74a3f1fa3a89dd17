package dev.farthing.disputes.resolve;

import dev.farthing.disputes.evidence.Gathered;
import dev.farthing.disputes.model.DisputeOutcome;
import dev.farthing.disputes.model.Vote;

/**
 * Reason by reason, what the facts say: was it delivered and watched, did the payer pay from this device or
 * address before without disputing, was there a twin payment, what does the payer usually pay this payee.
 */
public final class RulesResolver implements Resolver {
    @Override
    public String name() {
        return "rules";
    }

    @Override
    public Vote vote(Case c) {
        Gathered g = c.gathered();
        return switch (c.request().reason()) {
            case NOT_DELIVERED -> {
                if (!g.delivered()) yield win(c, "no delivery recorded");
                if (g.progress() < 0.5) yield win(c, "delivered but only " + pct(g.progress()) + " consumed");
                if (g.consumed()) yield lose("delivered and " + pct(g.progress()) + " consumed");
                yield abstain("delivered, " + pct(g.progress()) + " consumed: neither failed nor complete");
            }
            case UNAUTHORIZED -> {
                boolean knownPlace = g.compellingEvidence3();
                boolean riskFlagged = g.payment() != null && (!g.payment().riskApproved() || g.payment().riskScore() >= 0.5);
                if (knownPlace && !riskFlagged) yield lose(g.priorSameDevice() + " earlier undisputed payments from the device, "
                        + g.priorSameAddress() + " from the address");
                if (!knownPlace && (riskFlagged || g.priorSameDevice() + g.priorSameAddress() == 0)) {
                    yield win(c, "no undisputed payment from this device or address before"
                            + (riskFlagged ? "; risk flagged it" : ""));
                }
                yield abstain("some history on the device or address, not enough for compelling evidence");
            }
            case NOT_AS_DESCRIBED -> {
                if (!g.delivered()) yield win(c, "nothing was delivered");
                if (g.progress() < 0.3) yield win(c, "stopped after " + pct(g.progress()));
                if (g.progress() >= 0.95) yield lose("consumed in full (" + pct(g.progress()) + ")");
                yield abstain("consumed " + pct(g.progress()) + ": a matter of taste");
            }
            case DUPLICATE -> g.nearIdenticalPayments() > 0
                    ? win(c, g.nearIdenticalPayments() + " identical payment(s) to the same payee minutes apart")
                    : lose("no identical payment to the same payee nearby");
            case AMOUNT_WRONG -> {
                long whole = c.whole();
                long usual = g.usualAmount();
                if (usual <= 0) yield abstain("no earlier payment to this payee to compare the amount with");
                long paid = g.payment() == null ? whole : g.payment().amount();
                long over = paid - usual;
                if (over <= 0) yield lose("paid " + paid + ", the usual amount is " + usual);
                if (c.amount() <= over + over / 10) {
                    yield new Vote(name(), c.amount() < whole ? DisputeOutcome.PARTIAL : DisputeOutcome.WON,
                            Math.min(c.amount(), over), "paid " + paid + ", usually " + usual + ": " + over + " too much");
                }
                yield abstain("claims " + c.amount() + ", the overcharge seen is " + over);
            }
        };
    }

    private Vote win(Case c, String why) {
        return new Vote(name(), c.partialClaim() ? DisputeOutcome.PARTIAL : DisputeOutcome.WON, c.amount(), why);
    }

    private Vote lose(String why) {
        return new Vote(name(), DisputeOutcome.LOST, 0, why);
    }

    private Vote abstain(String why) {
        return new Vote(name(), null, 0, why);
    }

    static String pct(double p) {
        return Math.round(p * 100) + "%";
    }
}
