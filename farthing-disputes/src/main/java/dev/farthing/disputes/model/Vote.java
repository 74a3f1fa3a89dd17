package dev.farthing.disputes.model;

/**
 * One resolver's view: the outcome it would decide ({@code null}: it abstains, the evidence does not settle it
 * for this resolver), the refund it would give, and why, in words.
 */
public record Vote(String resolver, DisputeOutcome outcome, long refund, String why) {
    public boolean abstains() {
        return outcome == null;
    }
}
