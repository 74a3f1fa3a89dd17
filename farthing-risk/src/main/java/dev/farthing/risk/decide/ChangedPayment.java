package dev.farthing.risk.decide;

import dev.farthing.risk.dataset.Label;
import dev.farthing.risk.policy.PolicyDecision;

/** A payment the candidate policy decides differently from the baseline, with both decisions' reasons. */
public record ChangedPayment(long atNanos, String paymentId, String scenario, Label label, PolicyDecision baseline,
                             PolicyDecision candidate) {
}
