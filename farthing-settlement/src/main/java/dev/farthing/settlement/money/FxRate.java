package dev.farthing.settlement.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One quoted rate: one unit of {@code base} buys {@code rate} units of {@code quote} (major units, so
 * EUR/USD 1.0842), with where it came from and when. A rate is exact (a decimal, never a double).
 */
public record FxRate(String base, String quote, BigDecimal rate, String source, Instant asOf) {

    public FxRate {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        if (rate == null || rate.signum() <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + rate);
        }
        if (base.equals(quote)) {
            throw new IllegalArgumentException("a rate needs two currencies: " + base);
        }
    }

    public String pair() {
        return base + "/" + quote;
    }
}
