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
            "reason_amount_wrong", "delivered", "progress", "content_claim_consumed", "content_claim_failed",
            "unauthorized_ce3", "unauthorized_unseen", "unauthorized_risk_score", "risk_reasons", "near_identical",
            "partial_claim", "price_overcharge", "lost_before", "respondent_compelling", "claimant_fraud_report",
            "claimant_evidence");

    private Features() {
    }

    /**
     * Interactions are explicit so each weight reads on its own: "content claim consumed" is a not-delivered or
     * not-as-described claim on content mostly consumed; "unauthorized ce3" a claim of unauthorised use against
     * Compelling Evidence 3.0 matches; "unauthorized unseen" one from a device and address never seen before.
     */
    public static double[] of(NewDispute request, long disputedAmount, Gathered g, List<EvidenceItem> evidence) {
        double[] x = new double[NAMES.size()];
        Reason r = request.reason();
        boolean content = r == Reason.NOT_DELIVERED || r == Reason.NOT_AS_DESCRIBED;
        boolean unauthorized = r == Reason.UNAUTHORIZED;
        x[0] = r == Reason.NOT_DELIVERED ? 1 : 0;
        x[1] = unauthorized ? 1 : 0;
        x[2] = r == Reason.NOT_AS_DESCRIBED ? 1 : 0;
        x[3] = r == Reason.DUPLICATE ? 1 : 0;
        x[4] = r == Reason.AMOUNT_WRONG ? 1 : 0;
        x[5] = g.delivered() ? 1 : 0;
        x[6] = g.progress();
        x[7] = content && g.delivered() && g.progress() >= 0.8 ? 1 : 0;
        x[8] = content && (!g.delivered() || g.progress() < 0.3) ? 1 : 0;
        x[9] = unauthorized && g.compellingEvidence3() ? 1 : 0;
        x[10] = unauthorized && g.priorSameDevice() + g.priorSameAddress() == 0 ? 1 : 0;
        x[11] = unauthorized && g.payment() != null ? Math.max(0, Math.min(1, g.payment().riskScore())) : 0;
        x[12] = g.payment() == null ? 0 : Math.min(3, g.payment().riskReasons().size()) / 3.0;
        x[13] = g.nearIdenticalPayments() > 0 ? 1 : 0;
        long whole = wholeAmount(g);
        x[14] = whole > 0 && disputedAmount < whole ? 1 : 0;
        x[15] = r == Reason.AMOUNT_WRONG && g.payment() != null && g.usualAmount() > 0 && g.payment().amount() > g.usualAmount() ? 1 : 0;
        x[16] = Math.log1p(g.history().lost());
        x[17] = Math.min(2, evidence.stream().filter(EvidenceItem::compelling).count()) / 2.0;
        x[18] = evidence.stream().anyMatch(EvidenceItem::fraudReport) ? 1 : 0;
        x[19] = evidence.stream().anyMatch(e -> e.party() == dev.farthing.disputes.model.Party.CLAIMANT) ? 1 : 0;
        return x;
    }

    /** What the claimant paid in all: the payment plus its fee, or the channel's payments to the payee. */
    static long wholeAmount(Gathered g) {
        if (g.payment() != null) return Math.addExact(g.payment().amount(), g.payment().feeAmount());
        return g.channel() == null ? 0 : g.channel().paidToPayee();
    }
}
