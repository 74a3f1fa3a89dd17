package dev.farthing.disputes.service;

import dev.farthing.disputes.model.DisputeOutcome;

/**
 * A reviewer's decision: an outcome (with the refund for partial; won refunds the disputed amount, lost nothing),
 * or {@code escalate} to the next tier. {@code note} says why, for the record.
 */
public record ReviewerDecision(DisputeOutcome outcome, Long refund, boolean escalate, String note) {
    public ReviewerDecision {
        if (escalate == (outcome != null)) {
            throw new dev.farthing.disputes.model.DisputeException(dev.farthing.disputes.model.DisputeError.INVALID,
                    "give exactly one of outcome and escalate");
        }
        if (outcome == DisputeOutcome.PARTIAL && (refund == null || refund <= 0)) {
            throw new dev.farthing.disputes.model.DisputeException(dev.farthing.disputes.model.DisputeError.INVALID,
                    "a partial outcome needs refund: a positive number of minor units");
        }
        if (outcome != DisputeOutcome.PARTIAL && refund != null) {
            throw new dev.farthing.disputes.model.DisputeException(dev.farthing.disputes.model.DisputeError.INVALID,
                    "refund is only for a partial outcome");
        }
        if (note != null && note.length() > 2000) {
            throw new dev.farthing.disputes.model.DisputeException(dev.farthing.disputes.model.DisputeError.INVALID,
                    "note must be at most 2000 characters");
        }
    }
}
