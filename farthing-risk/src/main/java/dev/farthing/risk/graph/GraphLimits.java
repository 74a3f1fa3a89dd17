package dev.farthing.risk.graph;

/**
 * Bounds of the {@link AccountGraph}. Shared identifiers link accounts only while few accounts share them:
 * a device used by more than {@code deviceLinkCap} accounts (an internet café), an IP used by more than
 * {@code ipLinkCap} (carrier-grade NAT, a campus) or an instrument used by more than {@code instrumentLinkCap}
 * stops linking new accounts, so one busy identifier cannot merge the whole population into one component.
 * The accounts it linked before reaching its cap stay linked.
 *
 * @param maxAccounts        accounts (payers and payees) the graph tracks; when full, the graph starts afresh
 * @param maxTokensPerKind   devices, IPs and instruments remembered each (least recently seen evicted)
 * @param outEdgesPerAccount most recent money-moving payments kept per payer for cycle search
 * @param incomePerPayee     most recent incoming payments kept per payee for the component income share
 * @param maxCycleHops       longest payment cycle searched (A→B→A is 2 hops)
 * @param cycleWindowNanos   only payments this recent form cycles
 * @param incomeWindowNanos  window of the component income share
 */
public record GraphLimits(int maxAccounts, int maxTokensPerKind, int deviceLinkCap, int ipLinkCap,
                          int instrumentLinkCap, int outEdgesPerAccount, int incomePerPayee, int maxCycleHops,
                          long cycleWindowNanos, long incomeWindowNanos) {

    private static final long HOUR = 3_600_000_000_000L;

    public GraphLimits {
        positive(maxAccounts, "maxAccounts");
        positive(maxTokensPerKind, "maxTokensPerKind");
        positive(deviceLinkCap, "deviceLinkCap");
        positive(ipLinkCap, "ipLinkCap");
        positive(instrumentLinkCap, "instrumentLinkCap");
        positive(outEdgesPerAccount, "outEdgesPerAccount");
        positive(incomePerPayee, "incomePerPayee");
        if (maxCycleHops < 2 || maxCycleHops > 6) {
            throw new IllegalArgumentException("maxCycleHops must be 2..6: " + maxCycleHops);
        }
        if (cycleWindowNanos <= 0 || incomeWindowNanos <= 0) {
            throw new IllegalArgumentException("windows must be positive");
        }
    }

    /** 65,536 accounts: about 50 MB when full (measured ~100 MB at 130,000 accounts with their rings). */
    public static GraphLimits defaults() {
        return new GraphLimits(65_536, 65_536, 16, 4, 8, 8, 32, 4, 24 * HOUR, HOUR);
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
