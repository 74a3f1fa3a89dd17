package dev.farthing.settlement.payout;

/**
 * The quote a cross-currency payout was planned with: the payee's balance is in {@code sourceCurrency}, the
 * beneficiary is paid in the payout's currency. {@code rate} (decimal text, target per source unit) with its source
 * and time, less {@code spreadBps}, gives {@code creditedLedger} target ledger units for the held source amount
 * (rounded down); the payout pays that rounded down to the target's minor unit, and the sub-minor remainder is booked
 * to {@code fx_rounding.<TGT>}. The conversion is booked with this rate when the payout is paid, never before.
 */
public record PayoutFx(String sourceCurrency, String rate, String rateSource, long rateAsOfNanos, int spreadBps,
                       long creditedLedger) {
}
