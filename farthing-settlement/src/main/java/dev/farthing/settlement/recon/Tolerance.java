package dev.farthing.settlement.recon;

/**
 * What the reconciler settles on its own. A payout line off by at most {@code roundingMinor} minor units is booked
 * to {@code sys.settlement.adjust.rounding.<CUR>}; a fee line off by at most {@code feeMinor} to
 * {@code sys.settlement.adjust.fee.<CUR>}; a value date up to {@code valueDateDays} from the paid date still
 * matches. A paid payout whose line has not appeared {@code missingAfterDays} after its value date, on a statement
 * that covers later days, is an exception. Anything larger is an exception for a person.
 */
public record Tolerance(long roundingMinor, long feeMinor, int valueDateDays, int missingAfterDays) {

    public static final Tolerance DEFAULT = new Tolerance(1, 2, 3, 2);

    public Tolerance {
        if (roundingMinor < 0 || feeMinor < 0 || valueDateDays < 0 || missingAfterDays < 0) {
            throw new IllegalArgumentException("tolerances must not be negative");
        }
    }
}
