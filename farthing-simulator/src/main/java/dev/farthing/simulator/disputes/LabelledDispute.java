package dev.farthing.simulator.disputes;

import dev.farthing.disputes.evidence.Gathered;
import dev.farthing.disputes.model.DisputeOutcome;
import dev.farthing.disputes.model.EvidenceItem;
import dev.farthing.disputes.model.NewDispute;

import java.util.List;

/**
 * One dispute of the mix with its truth: what was filed, the disputed amount, what the service would gather, the
 * evidence, the fair outcome and refund, and who filed it.
 */
public record LabelledDispute(NewDispute request, long amount, Gathered gathered, List<EvidenceItem> evidence,
                              DisputeOutcome truth, long fairRefund, Archetype archetype) {
    public boolean claimantRight() {
        return truth.refunds();
    }
}
