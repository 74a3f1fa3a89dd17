package dev.farthing.settlement.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest quoted rate per pair. A pair quoted only the other way is answered with the inverse, to 16
 * significant digits, named as such in its source, so the transfer says exactly which number was used.
 * Bounded by the number of currency pairs configured.
 */
public final class FxRates {
    private static final int MAX_PAIRS = 10_000;
    private final Map<String, FxRate> latest = new HashMap<>();

    /** Keeps {@code rate} unless a newer one of the pair is already known. */
    public void put(FxRate rate) {
        FxRate known = latest.get(rate.pair());
        if (known != null && known.asOf().isAfter(rate.asOf())) {
            return;
        }
        if (known == null && latest.size() >= MAX_PAIRS) {
            throw new IllegalStateException("more than " + MAX_PAIRS + " currency pairs");
        }
        latest.put(rate.pair(), rate);
    }

    public Optional<FxRate> find(String base, String quote) {
        FxRate direct = latest.get(base + "/" + quote);
        if (direct != null) {
            return Optional.of(direct);
        }
        FxRate other = latest.get(quote + "/" + base);
        if (other == null) {
            return Optional.empty();
        }
        BigDecimal inverse = BigDecimal.ONE.divide(other.rate(), MathContext.DECIMAL64);
        return Optional.of(new FxRate(base, quote, inverse, "inverse of " + other.pair() + " from " + other.source(),
                other.asOf()));
    }
}
