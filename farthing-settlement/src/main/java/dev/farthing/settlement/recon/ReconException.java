package dev.farthing.settlement.recon;

/**
 * A statement line or payout the reconciler could not settle on its own, with what it found: for a person (the
 * console's queue) to resolve. {@code code} is one of the constants below.
 */
public record ReconException(String id, String provider, String statementId, String lineId, String payoutId,
                             String code, String explanation, long at) {

    public static final String UNKNOWN_REFERENCE = "unknown_reference";
    public static final String AMOUNT_MISMATCH = "amount_mismatch";
    public static final String CURRENCY_MISMATCH = "currency_mismatch";
    public static final String VALUE_DATE_OUT_OF_RANGE = "value_date_out_of_range";
    public static final String SECOND_DEBIT = "second_debit";
    public static final String PAID_AFTER_FAILURE = "paid_after_failure";
    public static final String FEE_MISMATCH = "fee_mismatch";
    public static final String MISSING_STATEMENT_LINE = "missing_statement_line";
    public static final String STATUS_CONFLICT = "status_conflict";
    /** A converted (cross-currency) payout came back: the money is in the payout's currency, the payee's is another. */
    public static final String CONVERTED_RETURN = "converted_return";
}
