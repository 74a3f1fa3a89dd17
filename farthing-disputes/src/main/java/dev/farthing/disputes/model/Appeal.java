package dev.farthing.disputes.model;

/** An appeal: by which party, why, and the decision it appeals (outcome, refund, who decided it). */
public record Appeal(Party by, String narrative, DisputeOutcome previousOutcome, long previousRefund,
                     String previousDecider, boolean previousAutomatic, long at) {
}
