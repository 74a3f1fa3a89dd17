package dev.farthing.settlement.money;

/**
 * Between ledger units (scale {@code ledgerScale}) and a provider's minor units (scale {@code minorScale}, at most
 * the ledger's): one minor unit is {@link #factor()} ledger units. Rounding always goes down, toward the payee
 * keeping the remainder on the ledger (it is never paid out twice, and never lost).
 */
public record UnitBridge(int ledgerScale, int minorScale) {

    public UnitBridge {
        if (minorScale < 0 || ledgerScale < minorScale || ledgerScale - minorScale > 18) {
            throw new IllegalArgumentException("the ledger scale " + ledgerScale + " must be at least the payout scale "
                    + minorScale + " (and at most 18 more)");
        }
    }

    public static UnitBridge of(String currency, int ledgerScale) {
        return new UnitBridge(ledgerScale, IsoScales.of(currency));
    }

    public long factor() {
        long f = 1;
        for (int i = minorScale; i < ledgerScale; i++) {
            f = Math.multiplyExact(f, 10L);
        }
        return f;
    }

    /** Whole minor units in {@code ledgerUnits} (rounded down; the rest stays where it is). */
    public long minorFloor(long ledgerUnits) {
        if (ledgerUnits < 0) {
            throw new IllegalArgumentException("negative amount " + ledgerUnits);
        }
        return ledgerUnits / factor();
    }

    public long toLedger(long minorUnits) {
        return Math.multiplyExact(minorUnits, factor());
    }
}
