package dev.farthing.disputes.evidence;

/**
 * The claimant's earlier disputes, from the service's own book: how many were filed, won and lost, and how many
 * of the won ones were confirmed fraud (the claimant was a victim, which never counts against them).
 * {@code lostRecent}: lost in the last 90 days of ledger time.
 */
public record ClaimantHistory(int filed, int won, int lost, int confirmedFraudVictim, int lostRecent, int open) {
    public static final ClaimantHistory NEW = new ClaimantHistory(0, 0, 0, 0, 0, 0);

    /** A repeat offender: several claims lost, recently. A new claimant (no history) never is. */
    public boolean repeatOffender() {
        return lostRecent >= 2 && lost > won;
    }
}
