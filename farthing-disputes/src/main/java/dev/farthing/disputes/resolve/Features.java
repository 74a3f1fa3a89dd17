package dev.farthing.disputes.resolve;

import dev.farthing.disputes.evidence.Gathered;
import dev.farthing.disputes.model.EvidenceItem;
import dev.farthing.disputes.model.NewDispute;
import dev.farthing.disputes.model.Reason;

import java.util.List;

/**
 * The model's inputs, by name, from what was filed and gathered. Reputation enters only as counts of claims
 * lost (never as "new", never counting a claim won as a fraud victim), so a claimant without history
 * contributes nothing either way.
 */
public final class Features {
    public static final List<String> NAMES = List.of(
            "reason_not_delivered", "reason_unauthorized", "reason_not_as_described", "reason_duplicate",
            "reason_amount_wrong", "delivered", "progress", "ce3_match", "prior_same_device", "prior_same_address",
            "risk_approved", "risk_score", "risk_reasons", "near_identical", "partial_claim", "lost_before",
            "respondent_compelling", "claimant_fraud_report", "claimant_evidence");

    private Features() {
    }

    public static double[] of(NewDispute request, long disputedAmount, Gathered g, List<EvidenceItem> evidence) {
        double[] x = new double[NAMES.size()];
        Reason r = request.reason();
        x[0] = r == Reason.NOT_DELIVERED ? 1 : 0;
        x[1] = r == Reason.UNAUTHORIZED ? 1 : 0;
        x[2] = r == Reason.NOT_AS_DESCRIBED ? 1 : 0;
        x[3] = r == Reason.DUPLICATE ? 1 : 0;
        x[4] = r == Reason.AMOUNT_WRONG ? 1 : 0;
        x[5] = g.delivered() ? 1 : 0;
        x[6] = g.progress();
        x[7] = g.compellingEvidence3() ? 1 : 0;
        x[8] = Math.log1p(g.priorSameDevice());
        x[9] = Math.log1p(g.priorSameAddress());
        x[10] = g.payment() != null && g.payment().riskApproved() ? 1 : 0;
        x[11] = g.payment() == null ? 0 : Math.max(0, Math.min(1, g.payment().riskScore()));
        x[12] = g.payment() == null ? 0 : Math.min(3, g.payment().riskReasons().size()) / 3.0;
        x[13] = g.nearIdenticalPayments() > 0 ? 1 : 0;
        long whole = wholeAmount(g);
        x[14] = whole > 0 && disputedAmount < whole ? 1 : 0;
        x[15] = Math.log1p(g.history().lost());
        x[16] = Math.min(2, evidence.stream().filter(EvidenceItem::compelling).count()) / 2.0;
        x[17] = evidence.stream().anyMatch(EvidenceItem::fraudReport) ? 1 : 0;
        x[18] = evidence.stream().anyMatch(e -> e.party() == dev.farthing.disputes.model.Party.CLAIMANT) ? 1 : 0;
        return x;
    }

    /** What the claimant paid in all: the payment plus its fee, or the channel's payments to the payee. */
    static long wholeAmount(Gathered g) {
        if (g.payment() != null) return Math.addExact(g.payment().amount(), g.payment().feeAmount());
        return g.channel() == null ? 0 : g.channel().paidToPayee();
    }
}
