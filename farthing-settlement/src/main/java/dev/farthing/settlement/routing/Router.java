package dev.farthing.settlement.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Picks the provider for each payout attempt by expected cost for its corridor (currency + country): the learned
 * fee, plus the chance of failing times what a failure costs, plus latency, less an exploration bonus that shrinks
 * as a corridor is tried (an optimistic, UCB-like score over EWMA estimates). Providers whose breaker is open, or
 * that already refused this payout, are skipped. Learns from every outcome the service reports; the service
 * replays recorded outcomes on start, so the scores survive a restart. Used by the service's writer thread only.
 */
public final class Router {
    private final RoutingPolicy policy;
    private final List<String> providers;
    private final LongSupplier now;
    private final Map<String, CorridorStats> stats = new HashMap<>();
    private final Map<String, CircuitBreaker> breakers = new HashMap<>();

    public Router(RoutingPolicy policy, List<String> providers, LongSupplier now) {
        this.policy = policy;
        this.providers = List.copyOf(providers);
        this.now = now;
        for (String p : providers) {
            breakers.put(p, new CircuitBreaker(policy.breakerThreshold(), policy.breakerOpenNanos()));
        }
    }

    public List<String> providers() {
        return providers;
    }

    public RouteChoice choose(String currency, String country, long amountMinor, Set<String> excluded) {
        return choose(currency, country, amountMinor, excluded, Map.of());
    }

    /** As above; {@code unavailable} names providers to skip now and why (e.g. calls past their timeout still out). */
    public RouteChoice choose(String currency, String country, long amountMinor, Set<String> excluded,
                              Map<String, String> unavailable) {
        long t = now.getAsLong();
        String best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        List<String> considered = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String p : providers) {
            if (excluded.contains(p)) {
                skipped.add(p + " (refused this payout)");
                continue;
            }
            if (unavailable.containsKey(p)) {
                skipped.add(p + " (" + unavailable.get(p) + ")");
                continue;
            }
            if (!breakers.get(p).admits(t)) {
                skipped.add(p + " (breaker " + breakers.get(p).state(t).name().toLowerCase(Locale.ROOT) + ")");
                continue;
            }
            CorridorStats s = stats(p, currency, country);
            double fee = s.expectedFee(amountMinor);
            boolean feeKnown = !Double.isNaN(fee);
            if (!feeKnown) fee = amountMinor * policy.unknownFeeBps() / 10_000.0;
            double risk = (1 - s.success()) * policy.failureCostMinor();
            double latency = s.latencyMillis() / 1000.0 * policy.latencyCostPerSecond();
            double bonus = policy.explorationMinor() / Math.sqrt(s.attempts() + 1.0);
            double cost = fee + risk + latency - bonus;
            considered.add(String.format(Locale.ROOT, "%s %.1f (fee %.1f%s, p_ok %.3f, %.0f ms, n %d)", p, cost, fee,
                    feeKnown ? "" : " assumed", s.success(), s.latencyMillis(), s.attempts()));
            if (cost < bestCost) {
                bestCost = cost;
                best = p;
            }
        }
        String corridor = currency + "/" + country;
        if (best == null) {
            return new RouteChoice(null, Double.NaN, "no provider may take " + corridor + ": " + String.join(", ", skipped));
        }
        breakers.get(best).sent();
        String reason = "lowest expected cost for " + corridor + ": " + String.join("; ", considered)
                + (skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped));
        return new RouteChoice(best, bestCost, reason);
    }

    /** The provider {@link #choose} picked was not sent the payout after all (it had no free slot). */
    public void notSent(String provider) {
        CircuitBreaker b = breakers.get(provider);
        if (b != null) b.notSent();
    }

    /** The provider answered a submit: refused or unknown counts against it now; accepted waits for the end. */
    public void answered(String provider, String currency, String country, String outcome, long latencyMillis) {
        if (!breakers.containsKey(provider)) return; // a provider no longer configured
        CorridorStats s = stats(provider, currency, country);
        s.latency(latencyMillis);
        switch (outcome) {
            case "accepted" -> { }
            case "refused", "refused_final" -> {
                s.outcome(false);
                breakers.get(provider).failed(now.getAsLong());
            }
            default -> breakers.get(provider).failed(now.getAsLong()); // unknown: the end decides the score
        }
    }

    public void paid(String provider, String currency, String country, long amountMinor, long feeMinor) {
        if (!breakers.containsKey(provider)) return;
        CorridorStats s = stats(provider, currency, country);
        s.outcome(true);
        s.fee(amountMinor, feeMinor);
        breakers.get(provider).succeeded();
    }

    /** Accepted then failed, or asked after a timeout and never arrived. */
    public void failed(String provider, String currency, String country) {
        if (!breakers.containsKey(provider)) return;
        stats(provider, currency, country).outcome(false);
        breakers.get(provider).failed(now.getAsLong());
    }

    /** Breaker state per provider, for health and docs. */
    public Map<String, String> breakerStates() {
        Map<String, String> out = new HashMap<>();
        long t = now.getAsLong();
        breakers.forEach((p, b) -> out.put(p, b.state(t).name().toLowerCase(Locale.ROOT)));
        return out;
    }

    private CorridorStats stats(String provider, String currency, String country) {
        String key = provider + "|" + currency + "|" + country;
        CorridorStats s = stats.get(key);
        if (s == null) {
            if (stats.size() >= 100_000) throw new IllegalStateException("too many corridors");
            s = new CorridorStats(policy.alpha(), policy.feeDecay());
            stats.put(key, s);
        }
        return s;
    }
}
