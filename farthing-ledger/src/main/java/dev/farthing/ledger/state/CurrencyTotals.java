package dev.farthing.ledger.state;

/**
 * Running per-currency sums. Every transfer adds the same amount to both sides, so posted debits must
 * equal posted credits (and pending likewise) at every instant: the first thing reconciliation checks.
 */
final class CurrencyTotals {
    long debitsPosted;
    long creditsPosted;
    long debitsPending;
    long creditsPending;

    boolean balanced() {
        return debitsPosted == creditsPosted && debitsPending == creditsPending;
    }

    @Override
    public String toString() {
        return "debits_posted=" + debitsPosted + " credits_posted=" + creditsPosted
                + " debits_pending=" + debitsPending + " credits_pending=" + creditsPending;
    }
}
