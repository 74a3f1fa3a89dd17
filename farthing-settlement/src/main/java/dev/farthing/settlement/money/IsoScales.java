package dev.farthing.settlement.money;

import java.util.Map;

/**
 * ISO 4217 minor-unit scales, the unit a provider pays in (2 for EUR, 0 for JPY, 3 for KWD). The ledger may count
 * finer ({@code USD} at scale 6): {@link UnitBridge} turns ledger units into the provider's and back.
 */
public final class IsoScales {
    private static final Map<String, Integer> NOT_TWO = Map.ofEntries(
            Map.entry("JPY", 0), Map.entry("KRW", 0), Map.entry("ISK", 0), Map.entry("CLP", 0), Map.entry("VND", 0),
            Map.entry("PYG", 0), Map.entry("UGX", 0), Map.entry("XAF", 0), Map.entry("XOF", 0),
            Map.entry("KWD", 3), Map.entry("BHD", 3), Map.entry("JOD", 3), Map.entry("OMR", 3), Map.entry("TND", 3),
            Map.entry("IQD", 3), Map.entry("LYD", 3));

    private IsoScales() {
    }

    public static int of(String currency) {
        return NOT_TWO.getOrDefault(currency, 2);
    }
}
