package dev.farthing.server;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.analytics.AnalyticsApi;
import dev.farthing.server.http.audit.AuditApi;
import dev.farthing.server.http.aml.AmlApi;
import dev.farthing.server.http.channels.ChannelApi;
import dev.farthing.server.http.customers.CustomersApi;
import dev.farthing.server.http.disputes.DisputesApi;
import dev.farthing.server.http.risk.RiskApi;
import dev.farthing.server.http.screening.ScreeningApi;
import dev.farthing.server.http.settlement.SettlementApi;

import java.util.ArrayList;
import java.util.List;

/**
 * Opens every domain service the server hosts, each in its own directory under the data directory. This is
 * the one place a domain plugs in: its adapter package {@code dev.farthing.server.http.<domain>} has an
 * {@code XxxApi implements DomainApi} with {@code static XxxApi open(Path dir, Ledger ledger, Metrics metrics)},
 * and one line below opens it; its {@link DomainApi#routes()} are then served behind the core's auth,
 * problems and metrics. (The ledger's own adapter, {@code http.ledger.LedgerRoutes}, is wired by
 * {@link FarthingServer} because the server, not an adapter, owns the ledger.)
 */
final class DomainApis {

    private DomainApis() {
    }

    /** Opens the services in order; if one fails, those already open are closed and the failure is thrown. */
    static List<DomainApi> open(ServerOptions options, Ledger ledger, Metrics metrics) {
        List<DomainApi> opened = new ArrayList<>();
        try {
            // One line per domain, in opening order (closed in reverse):
            // opened.add(XxxApi.open(options.dataDir().resolve("xxx"), ledger, metrics));
            AuditApi audit = AuditApi.open(options.dataDir().resolve("audit"), ledger, metrics);
            opened.add(audit); // first and closed last: every other domain appends its decisions to audit.trail()
            CustomersApi customers = CustomersApi.open(options.dataDir().resolve("customers"), ledger, metrics, audit.trail());
            opened.add(customers); // first: payments (risk) and transfers pass its KYC gate
            ChannelApi channels = ChannelApi.open(options.dataDir().resolve("channels"), ledger, metrics);
            opened.add(channels);
            RiskApi risk = RiskApi.open(options.dataDir().resolve("risk"), ledger, metrics, customers, audit.trail());
            opened.add(risk);
            opened.add(AnalyticsApi.open(options.dataDir().resolve("analytics"), ledger, metrics, risk, customers, audit.trail()));
            channels.screenPartiesWith(customers::sanctionedParty, metrics); // channel counterparties: sanctions_hit
            ScreeningApi screening = ScreeningApi.open(options.dataDir().resolve("screening"), ledger, metrics, audit.trail());
            opened.add(screening);
            customers.screenWith(screening, metrics, audit.trail().sink()); // screened on creation and on list updates
            opened.add(AmlApi.open(options.dataDir().resolve("aml"), ledger, metrics, audit.trail().sink())); // monitoring + cases
            opened.add(DisputesApi.open(options.dataDir().resolve("disputes"), ledger, metrics, risk, channels, audit.trail().sink()));
            opened.add(SettlementApi.open(options.dataDir().resolve("settlement"), ledger, metrics));
            return opened;
        } catch (RuntimeException | Error e) {
            closeAll(opened);
            throw e;
        }
    }

    /** The audit trail among the opened services (it is always opened first). */
    static AuditApi audit(List<DomainApi> apis) {
        return apis.stream().filter(AuditApi.class::isInstance).map(AuditApi.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no audit trail among the domains"));
    }

    /** Closes in reverse order of opening; every service is closed even when an earlier close throws. */
    static void closeAll(List<DomainApi> apis) {
        RuntimeException first = null;
        for (DomainApi api : apis.reversed()) {
            try {
                api.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
