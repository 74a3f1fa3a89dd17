package dev.farthing.settlement.service;

import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.recon.Tolerance;
import dev.farthing.settlement.routing.RoutingPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the settlement service runs.
 *
 * @param dir          its record log
 * @param connectors   the providers it may route to (it closes them on close)
 * @param routing      the router's weights
 * @param tolerance    what reconciliation settles on its own
 * @param holdTimeout  how long a payout's hold lasts (long: a payout in doubt must never see its hold expire)
 * @param pollAfter    a payout submitted or in doubt this long (ledger time) is asked about by polling
 * @param tickEvery    how often the background tick polls and retries; null: never (tests call {@code tick()})
 * @param calls        how provider calls run off the writer thread (threads, per-provider limit, timeouts)
 */
public record SettlementConfig(Path dir, List<PayoutConnector> connectors, RoutingPolicy routing, Tolerance tolerance,
                               Duration holdTimeout, Duration pollAfter, Duration tickEvery,
                               ProviderCallLimits calls) {

    public SettlementConfig {
        Objects.requireNonNull(dir, "dir");
        connectors = List.copyOf(connectors);
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(calls, "calls");
        if (holdTimeout.toSeconds() < 3600 || pollAfter.isNegative()) {
            throw new IllegalArgumentException("the hold must last at least an hour, pollAfter must not be negative");
        }
        for (PayoutConnector c : connectors) {
            if (!c.providerId().matches("[a-z][a-z0-9_-]{0,31}")) {
                throw new IllegalArgumentException("provider id must be 1..32 of [a-z0-9_-]: " + c.providerId());
            }
        }
    }

    public static SettlementConfig of(Path dir, List<PayoutConnector> connectors) {
        return new SettlementConfig(dir, connectors, RoutingPolicy.DEFAULT, Tolerance.DEFAULT, Duration.ofDays(30),
                Duration.ofSeconds(30), null, ProviderCallLimits.DEFAULT);
    }

    public SettlementConfig withRouting(RoutingPolicy r) {
        return new SettlementConfig(dir, connectors, r, tolerance, holdTimeout, pollAfter, tickEvery, calls);
    }

    public SettlementConfig withTolerance(Tolerance t) {
        return new SettlementConfig(dir, connectors, routing, t, holdTimeout, pollAfter, tickEvery, calls);
    }

    public SettlementConfig withPollAfter(Duration d) {
        return new SettlementConfig(dir, connectors, routing, tolerance, holdTimeout, d, tickEvery, calls);
    }

    public SettlementConfig withTickEvery(Duration d) {
        return new SettlementConfig(dir, connectors, routing, tolerance, holdTimeout, pollAfter, d, calls);
    }

    public SettlementConfig withCalls(ProviderCallLimits c) {
        return new SettlementConfig(dir, connectors, routing, tolerance, holdTimeout, pollAfter, tickEvery, c);
    }
}
