package dev.farthing.ledger.model;

import java.util.List;

/**
 * What {@code /health} reports. {@code breakerOpen} means reconciliation found a discrepancy: money
 * movement is refused until an operator resets it; {@code breakerReason} names the discrepancy.
 * {@code clientMadeSystemAccounts} are reserved-namespace accounts a client created before the namespace was
 * reserved: found at start-up, never used.
 */
public record LedgerHealth(boolean breakerOpen, String breakerReason, long lastTimestamp, long journalSequence,
                           long accounts, long pendingHolds, long transfersCommitted, long indexLag,
                           List<String> clientMadeSystemAccounts) {

    public LedgerHealth {
        clientMadeSystemAccounts = List.copyOf(clientMadeSystemAccounts);
    }

    public LedgerHealth(boolean breakerOpen, String breakerReason, long lastTimestamp, long journalSequence,
                        long accounts, long pendingHolds, long transfersCommitted, long indexLag) {
        this(breakerOpen, breakerReason, lastTimestamp, journalSequence, accounts, pendingHolds, transfersCommitted,
                indexLag, List.of());
    }
}
