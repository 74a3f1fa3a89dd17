package dev.farthing.ledger.model;

/**
 * What {@code /health} reports. {@code breakerOpen} means reconciliation found a discrepancy: money
 * movement is refused until an operator resets it; {@code breakerReason} names the discrepancy.
 */
public record LedgerHealth(boolean breakerOpen, String breakerReason, long lastTimestamp, long journalSequence,
                           long accounts, long pendingHolds, long transfersCommitted, long indexLag) {
}
