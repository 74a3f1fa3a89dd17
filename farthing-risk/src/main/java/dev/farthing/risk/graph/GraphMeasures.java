package dev.farthing.risk.graph;

/**
 * What {@link AccountGraph#measure} found for one payment, in a reusable holder so the hot path allocates
 * nothing. NaN means unknown.
 */
public final class GraphMeasures {
    /** Accounts in the payer's linked component, counting the links this payment would add. */
    public int componentSize;
    /** Share (0..1) of the payee's income in the income window that came from the payer's component. */
    public double componentIncomeShare;
    /** Payments to the payee in the income window from the payer's component. */
    public int componentIncomePayments;
    /** Hops of the shortest recent payment cycle this payment would close (A→B→A = 2), 0 if none. */
    public int cycleHops;
    /** 1 when the payment's IP is shared by too many accounts to link them (carrier NAT), else 0. */
    public int ipCapped;

    void clear() {
        componentSize = 1;
        componentIncomeShare = Double.NaN;
        componentIncomePayments = 0;
        cycleHops = 0;
        ipCapped = 0;
    }
}
