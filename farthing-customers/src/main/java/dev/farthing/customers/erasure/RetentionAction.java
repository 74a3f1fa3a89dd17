package dev.farthing.customers.erasure;

/**
 * One step of a retention run: {@code shred} (a record retention ended: destroy the data key) or {@code erase}
 * (an erasure deferred by a legal hold that is now released); {@code due} is the ledger time it fell due (ns),
 * {@code done} whether this run carried it out (false in a dry run).
 */
public record RetentionAction(String customerId, String action, String why, long due, boolean done) {
}
