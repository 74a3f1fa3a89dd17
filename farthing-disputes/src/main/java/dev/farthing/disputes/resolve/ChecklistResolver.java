package dev.farthing.disputes.resolve;

import dev.farthing.disputes.evidence.Gathered;
import dev.farthing.disputes.model.DisputeOutcome;
import dev.farthing.disputes.model.EvidenceItem;
import dev.farthing.disputes.model.Party;
import dev.farthing.disputes.model.Reason;
import dev.farthing.disputes.model.Vote;

import java.util.ArrayList;
import java.util.List;

/**
 * The evidence checklist: counts the items each side has, without weighing the reason's story. Respondent: a
 * delivery mostly consumed, CE 3.0 matches, a clean risk decision, compelling documents, a channel state both
 * signed. Claimant: nothing delivered, a fraud report, its own documents, a risk flag, a twin payment. A lead of
 * two or more decides; otherwise the evidence is weak and the checklist abstains.
 */
public final class ChecklistResolver implements Resolver {
    @Override
    public String name() {
        return "checklist";
    }

    @Override
    public Vote vote(Case c) {
        Gathered g = c.gathered();
        List<String> respondent = new ArrayList<>();
        List<String> claimant = new ArrayList<>();
        Reason r = c.request().reason();
        if (g.delivered() && g.consumed()) respondent.add("delivery consumed");
        if (!g.delivered() && r != Reason.DUPLICATE && r != Reason.AMOUNT_WRONG) claimant.add("no delivery");
        if (g.delivered() && g.progress() < 0.3 && r != Reason.UNAUTHORIZED) claimant.add("barely consumed");
        if (g.compellingEvidence3()) respondent.add("CE3 match");
        else if (r == Reason.UNAUTHORIZED) claimant.add("no CE3 match");
        if (g.payment() != null && r == Reason.UNAUTHORIZED) {
            if (g.payment().riskApproved() && g.payment().riskScore() < 0.3) respondent.add("clean risk decision");
            if (!g.payment().riskReasons().isEmpty() || g.payment().riskScore() >= 0.5) claimant.add("risk flagged");
        }
        long compelling = c.evidence().stream().filter(EvidenceItem::compelling).count();
        if (compelling > 0) respondent.add(compelling + " compelling document(s)");
        if (compelling > 1) respondent.add("more documents");
        if (c.evidence().stream().anyMatch(EvidenceItem::fraudReport)) claimant.add("fraud report");
        if (c.evidence().stream().anyMatch(e -> e.party() == Party.CLAIMANT && !e.fraudReport())) claimant.add("claimant document");
        if (g.channel() != null && g.channel().payerSigned() && r == Reason.UNAUTHORIZED) respondent.add("channel state signed by both");
        if (r == Reason.DUPLICATE) {
            if (g.nearIdenticalPayments() > 0) { claimant.add("twin payment"); claimant.add("same payee, same amount"); }
            else respondent.add("no twin payment");
        }
        if (r == Reason.AMOUNT_WRONG && g.usualAmount() > 0 && g.payment() != null) {
            if (g.payment().amount() > g.usualAmount()) { claimant.add("above the usual amount"); claimant.add("price history"); }
            else { respondent.add("the usual amount"); respondent.add("price history"); }
        }
        String why = "respondent " + respondent + " vs claimant " + claimant;
        int lead = claimant.size() - respondent.size();
        if (lead >= 2) {
            long refund = c.amount();
            if (r == Reason.AMOUNT_WRONG && g.payment() != null) {
                refund = Math.min(c.amount(), g.payment().amount() - g.usualAmount());
            }
            return new Vote(name(), c.partialClaim() ? DisputeOutcome.PARTIAL : DisputeOutcome.WON, refund, why);
        }
        if (lead <= -2) {
            return new Vote(name(), DisputeOutcome.LOST, 0, why);
        }
        return new Vote(name(), null, 0, why);
    }
}
