package dev.farthing.risk.features;

import dev.farthing.risk.graph.GraphLimits;

/**
 * Bounds and granularity of the {@link DefaultFeatureEngine}. Memory is bounded by these numbers whatever the
 * traffic: per entity kind (payer, payee, device, IP, instrument, content) at most {@code maxEntitiesPerKind}
 * entities are tracked, the least recently seen evicted first.
 *
 * <p>Sliding windows are bucketed rings: the 1 min window has {@code bucketsPerMinute} buckets (default 6 of
 * 10 s), the 1 h window {@code bucketsPerHour} (12 of 5 min), the 24 h window {@code bucketsPerDay} (24 of
 * 1 h). A window at time t counts the bucket holding t and the buckets before it, {@code buckets} in all, so
 * it covers between (buckets−1)/buckets and all of the window length: with the defaults, the 1 min window
 * counts events of the last 50 to 60 s.
 *
 * @param hllLgK            log2 of the HLL registers per distinct count (8: 256 registers, ~6.5% error)
 * @param gapHistory        payment times kept per payer for the inter-arrival regularity
 * @param recentIdentities  devices, IPs and instruments remembered per payer for "new device" flags
 * @param youngAccountNanos accounts younger than this count as new accounts (farms)
 */
public record FeatureConfig(int maxEntitiesPerKind, int bucketsPerMinute, int bucketsPerHour, int bucketsPerDay,
                            int hllLgK, int gapHistory, int recentIdentities, long youngAccountNanos,
                            GraphLimits graph) {

    static final long SECOND = 1_000_000_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    public FeatureConfig {
        if (maxEntitiesPerKind < 1) {
            throw new IllegalArgumentException("maxEntitiesPerKind must be positive: " + maxEntitiesPerKind);
        }
        divides(MINUTE, bucketsPerMinute, "bucketsPerMinute");
        divides(HOUR, bucketsPerHour, "bucketsPerHour");
        divides(DAY, bucketsPerDay, "bucketsPerDay");
        if (hllLgK < 4 || hllLgK > 12) {
            throw new IllegalArgumentException("hllLgK must be 4..12: " + hllLgK);
        }
        if (gapHistory < 4 || gapHistory > 256) {
            throw new IllegalArgumentException("gapHistory must be 4..256: " + gapHistory);
        }
        if (recentIdentities < 1 || recentIdentities > 64) {
            throw new IllegalArgumentException("recentIdentities must be 1..64: " + recentIdentities);
        }
        if (youngAccountNanos <= 0) {
            throw new IllegalArgumentException("youngAccountNanos must be positive");
        }
        if (graph == null) {
            throw new IllegalArgumentException("graph limits required");
        }
    }

    /**
     * 20,000 entities per kind, 65,536 graph accounts, 7-day young accounts. Measured with every table full of
     * distinct entities (before the evidence features, which add a RecentSet of about 150 bytes per payer and per
     * device): about 175 MB for the six tables (~1.45 KB per entity) plus about 50 MB for a full
     * graph; lower {@code maxEntitiesPerKind} to trade memory for how long a quiet entity is remembered.
     */
    public static FeatureConfig defaults() {
        return new FeatureConfig(20_000, 6, 12, 24, 8, 16, 8, 7 * DAY, GraphLimits.defaults());
    }

    public FeatureConfig withMaxEntitiesPerKind(int max) {
        return new FeatureConfig(max, bucketsPerMinute, bucketsPerHour, bucketsPerDay, hllLgK, gapHistory,
                recentIdentities, youngAccountNanos, graph);
    }

    public FeatureConfig withGraph(GraphLimits limits) {
        return new FeatureConfig(maxEntitiesPerKind, bucketsPerMinute, bucketsPerHour, bucketsPerDay, hllLgK,
                gapHistory, recentIdentities, youngAccountNanos, limits);
    }

    private static void divides(long window, int buckets, String name) {
        if (buckets < 1 || buckets > 3600 || window % buckets != 0) {
            throw new IllegalArgumentException(name + " must divide the window evenly (1..3600): " + buckets);
        }
    }
}
