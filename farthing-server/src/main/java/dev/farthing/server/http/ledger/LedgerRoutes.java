package dev.farthing.server.http.ledger;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.PaymentGate;
import dev.farthing.server.http.Route;

import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's own HTTP adapter: accounts and transfers. Unlike the other domains it opens nothing: the
 * server owns the ledger, opens it first and closes it last.
 */
public final class LedgerRoutes {

    private LedgerRoutes() {
    }

    public static List<Route> routes(Ledger ledger, Metrics metrics) {
        return routes(ledger, metrics, PaymentGate.OPEN);
    }

    /** Transfers out of an account pass {@code gate} (KYC limits) first. */
    public static List<Route> routes(Ledger ledger, Metrics metrics, PaymentGate gate) {
        List<Route> all = new ArrayList<>();
        all.addAll(new AccountRoutes(ledger).routes());
        all.addAll(new TransferRoutes(ledger, metrics, gate).routes());
        return List.copyOf(all);
    }
}
