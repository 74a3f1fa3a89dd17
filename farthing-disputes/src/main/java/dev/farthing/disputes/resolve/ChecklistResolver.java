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
 * The evidence checklist: for the reason claimed, which items each side holds, each worth 1 or (for the item the
 * reason turns on) 2 points; a lead of two points decides, less is weak evidence and the checklist abstains. It
 * weighs items, not the story: the rules resolver reads the story.
 *
 * <ul>
 *   <li>not delivered / not as described: a delivery mostly consumed (respondent, 2), nothing delivered or barely
 *   started (claimant, 2), compelling documents (respondent), the claimant's own documents (claimant);</li>
 *   <li>unauthorized: Compelling Evidence 3.0 (respondent, 2), a clean risk decision (respondent), no earlier
 *   payment from the device or the address at all (claimant, 2), a risk flag, a fraud report (claimant);</li>
 *   <li>duplicate: a twin payment (claimant, 2) or none (respondent, 2);</li>
 *   <li>amount wrong: the price history shows the overcharge (claimant, 2) or the usual amount (respondent, 2).</li>
 * </ul>
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
        int rPoints = 0, cPoints = 0;
        Reason r = c.request().reason();
        switch (r) {
            case NOT_DELIVERED, NOT_AS_DESCRIBED -> {
                if (g.delivered() && g.progress() >= 0.8) { respondent.add("delivery consumed"); rPoints += 2; }
                if (!g.delivered()) { claimant.add("no delivery"); cPoints += 2; }
                else if (g.progress() < 0.3) { claimant.add("barely consumed"); cPoints += 2; }
            }
            case UNAUTHORIZED -> {
                if (g.compellingEvidence3()) { respondent.add("CE3 match"); rPoints += 2; }
                else if (g.priorSameDevice() + g.priorSameAddress() == 0) { claimant.add("device and address never seen"); cPoints += 2; }
                if (g.payment() != null) {
                    if (g.payment().riskApproved() && g.payment().riskScore() < 0.3 && g.payment().riskReasons().isEmpty()) { respondent.add("clean risk decision"); rPoints++; }
                    if (!g.payment().riskReasons().isEmpty() || g.payment().riskScore() >= 0.5) { claimant.add("risk flagged"); cPoints++; }
                }
                if (g.channel() != null && g.channel().payerSigned()) { respondent.add("payer signed the channel claims"); rPoints += 2; }
            }
            case DUPLICATE -> {
                if (g.nearIdenticalPayments() > 0) { claimant.add("twin payment"); cPoints += 2; }
                else { respondent.add("no twin payment"); rPoints += 2; }
            }
            case AMOUNT_WRONG -> {
                if (g.usualAmount() > 0 && g.payment() != null) {
                    if (g.payment().amount() > g.usualAmount()) { claimant.add("above the usual amount"); cPoints += 2; }
                    else { respondent.add("the usual amount"); rPoints += 2; }
                }
            }
        }
        long compelling = c.evidence().stream().filter(EvidenceItem::compelling).count();
        if (compelling > 0 && r != Reason.DUPLICATE && r != Reason.AMOUNT_WRONG) { respondent.add(compelling + " compelling document(s)"); rPoints++; }
        if (c.evidence().stream().anyMatch(EvidenceItem::fraudReport) && r == Reason.UNAUTHORIZED) { claimant.add("fraud report"); cPoints++; }
        if (c.evidence().stream().anyMatch(e -> e.party() == Party.CLAIMANT && !e.fraudReport())) { claimant.add("claimant document"); cPoints++; }
        String why = "respondent " + respondent + " (" + rPoints + ") vs claimant " + claimant + " (" + cPoints + ")";
        int lead = cPoints - rPoints;
        if (lead >= 2) {
            long refund = c.amount();
            if (r == Reason.AMOUNT_WRONG && g.payment() != null && g.usualAmount() > 0) {
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
