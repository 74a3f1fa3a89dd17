package dev.farthing.settlement.connector;

import java.time.LocalDate;

/**
 * One booked line of a provider's statement (camt.053/054 entry, or an HTTP provider's report row).
 *
 * @param lineId            the provider's own id for the line (entry reference); duplicates repeat it
 * @param endToEndReference the reference we sent (the payout id), or {@code null} when the provider lost it
 * @param providerReference the provider's id for the payout, if given
 * @param kind              what the line books
 * @param amountMinor       positive amount in minor units of {@code currency}
 * @param valueDate         the bank day the money moved
 */
public record StatementLine(String lineId, String endToEndReference, String providerReference, Kind kind,
                            String currency, long amountMinor, LocalDate valueDate, String description) {

    public enum Kind { PAYOUT_DEBIT, FEE, RETURN_CREDIT }
}
