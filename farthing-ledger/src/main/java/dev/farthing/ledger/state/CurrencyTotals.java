package dev.farthing.ledger.state;

/**
 * Running per-currency sums. Every transfer adds the same amount to both sides, so posted debits must
 * equal posted credits (and pending likewise) at every instant: the first thing reconciliation checks.
 *
 * <p>These are lifetime turnover across all accounts, which a busy currency would push past
 * {@code Long.MAX_VALUE} within months. They therefore add modulo 2^64 (plain wrapping {@code +}):
 * equality modulo 2^64 still catches every imbalance smaller than 2^64 units, and no imbalance can be
 * that large because each account's own totals are exact and overflow-checked.
 */
final class CurrencyTotals {
    long debitsPosted;
    long creditsPosted;
    long debitsPending;
    long creditsPending;

    void addPosted(long amount) {
        debitsPosted += amount;
        creditsPosted += amount;
    }

    void addPending(long amount) {
        debitsPending += amount;
        creditsPending += amount;
    }

    void addAccount(AccountState a) {
        debitsPosted += a.debitsPosted;
        creditsPosted += a.creditsPosted;
        debitsPending += a.debitsPending;
        creditsPending += a.creditsPending;
    }

    boolean balanced() {
        return debitsPosted == creditsPosted && debitsPending == creditsPending;
    }

    @Override
    public String toString() {
        return "debits_posted=" + debitsPosted + " credits_posted=" + creditsPosted
                + " debits_pending=" + debitsPending + " credits_pending=" + creditsPending;
    }
}
