package dev.farthing.disputes.service;

import dev.farthing.disputes.calendar.Jurisdictions;
import dev.farthing.disputes.config.DisputeConfig;

import java.util.Map;

/**
 * How the dispute service runs: fsync of its log, memory bounds, the chargeback fee charged to a respondent who
 * loses (minor units per currency), the jurisdictions, and how often deadlines are checked (0: only when
 * {@link DisputeService#tick()} is called, as tests do).
 */
public record DisputeOptions(boolean fsync, int maxDisputes, int maxDeliveries, Map<String, Long> chargebackFee,
                             Jurisdictions jurisdictions, long tickMillis) {
    public DisputeOptions {
        chargebackFee = Map.copyOf(chargebackFee);
        if (maxDisputes < 1 || maxDeliveries < 1 || tickMillis < 0) {
            throw new IllegalArgumentException("bounds must be positive and the tick not negative");
        }
    }

    /** 1M disputes, 4M deliveries, the shipped rules (a 0.15 chargeback fee in USD and EUR), deadlines every 5 s. */
    public static DisputeOptions defaults() {
        return new DisputeOptions(true, 1_000_000, 4_000_000, Map.of(), Jurisdictions.defaults(), 5_000)
                .withConfig(DisputeConfig.shipped());
    }

    /** The fee and jurisdictions of a dispute configuration (a data directory's file, or the shipped one). */
    public DisputeOptions withConfig(DisputeConfig config) {
        return new DisputeOptions(fsync, maxDisputes, maxDeliveries, config.chargebackFee(), config.jurisdictions(), tickMillis);
    }

    public DisputeOptions withFsync(boolean on) {
        return new DisputeOptions(on, maxDisputes, maxDeliveries, chargebackFee, jurisdictions, tickMillis);
    }

    public DisputeOptions withTickMillis(long ms) {
        return new DisputeOptions(fsync, maxDisputes, maxDeliveries, chargebackFee, jurisdictions, ms);
    }

    public DisputeOptions withJurisdictions(Jurisdictions j) {
        return new DisputeOptions(fsync, maxDisputes, maxDeliveries, chargebackFee, j, tickMillis);
    }
}
