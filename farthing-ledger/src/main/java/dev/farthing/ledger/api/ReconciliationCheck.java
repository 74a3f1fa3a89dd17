package dev.farthing.ledger.api;

/**
 * A domain module's part of continuous reconciliation (for channels: escrow balance per currency equals the
 * sum of the open channels' locked funds). Registered through the module's {@link SystemLedger}; the ledger
 * knows nothing of what is checked. It runs on the ledger's reconciliation-hooks thread every 250 ms, never on
 * the writer, so it may block briefly (read the ledger, pause its own module); it must not move money.
 */
@FunctionalInterface
public interface ReconciliationCheck {

    /** Null when the module's books agree with the ledger, else the discrepancy: it trips the breaker. */
    String discrepancy();
}
