package dev.farthing.server.http.disputes;

import dev.farthing.contracts.audit.AuditSink;
import dev.farthing.disputes.resolve.LogisticModel;
import dev.farthing.disputes.config.DisputeConfig;
import dev.farthing.disputes.service.DisputeOptions;
import dev.farthing.disputes.service.DisputeService;
import dev.farthing.disputes.service.RiskLabels;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.LabelSource;
import dev.farthing.server.DomainApi;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Route;
import dev.farthing.server.http.channels.ChannelApi;
import dev.farthing.server.http.risk.RiskApi;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * Disputes over HTTP, on a {@link DisputeService} in {@code DATA/disputes} with the ledger handle of module
 * {@code disputes} ({@code sys.disputes.} accounts). Evidence comes from the payments risk decided (observed as
 * they are submitted) and the channel service; outcomes go back to risk as {@code dispute} labels.
 */
public final class DisputesApi implements DomainApi {
    static final int OBSERVED_PAYMENTS = 1_000_000;
    private final SystemLedger handle;
    private final DisputeService service;
    private final List<Route> routes;

    private DisputesApi(SystemLedger handle, DisputeService service) {
        this.handle = handle;
        this.service = service;
        this.routes = new DisputeRoutes(service).routes();
    }

    public static DisputesApi open(Path dir, Ledger ledger, Metrics metrics, RiskApi risk, ChannelApi channels) {
        return open(dir, ledger, metrics, risk, channels, AuditSink.NONE);
    }

    /** The dispute rules' file, beside the dispute log in the data directory. */
    public static final String CONFIG_FILE = "disputes-config.json";

    public static DisputesApi open(Path dir, Ledger ledger, Metrics metrics, RiskApi risk, ChannelApi channels, AuditSink audit) {
        ObservedPayments observed = new ObservedPayments(OBSERVED_PAYMENTS);
        risk.observePayments(observed::paid);
        var engine = risk.services().engine();
        ServerEvidence sources = new ServerEvidence(observed, engine, channels.service(), ledger);
        RiskLabels labels = (paymentId, fraud) -> engine.label(paymentId, fraud ? FraudLabel.FRAUD : FraudLabel.LEGIT, LabelSource.DISPUTE)
                .whenComplete((l, e) -> {
                    if (e != null) LoggerFactory.getLogger(DisputesApi.class).warn("dispute label for {} not stored: {}", paymentId, e.toString());
                });
        SystemLedger handle = ledger.system("disputes");
        try {
            // The rules (fee, limits, deadlines per jurisdiction) from DATA/disputes-config.json, else the shipped ones;
            // a file that does not validate stops the start with its field named.
            DisputeOptions options = DisputeOptions.defaults().withConfig(DisputeConfig.loadOrShipped(dir.resolveSibling(CONFIG_FILE)))
                    .withFsync(!Boolean.getBoolean("farthing.disputes.nofsync"));
            return new DisputesApi(handle, DisputeService.open(dir, handle, sources, LogisticModel.shipped(), audit, labels, options));
        } catch (RuntimeException | Error e) {
            handle.close();
            throw e;
        }
    }

    public DisputeService service() {
        return service;
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            handle.close();
        }
    }
}
