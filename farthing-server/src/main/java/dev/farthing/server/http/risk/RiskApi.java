package dev.farthing.server.http.risk;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.risk.engine.RiskEngineConfig;
import dev.farthing.risk.engine.RiskServices;
import dev.farthing.server.DomainApi;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.PaymentGate;
import dev.farthing.server.http.Route;
import dev.farthing.server.http.audit.AuditTrail;
import dev.farthing.server.http.stepup.StepUp;
import dev.farthing.server.http.stepup.StepUpRoutes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Risk over HTTP: payments (decided with dynamic friction), reviews, policies and models, all backed by one
 * {@link RiskServices} in {@code DATA/risk}. Decisions are counted by outcome with their latency in /metrics.
 */
public final class RiskApi implements DomainApi {
    /** How often models and policies changed by another process are picked up. */
    static final long POLL_SECONDS = 2;
    private final RiskServices services;
    private final StepUp stepUp;
    private final List<Route> routes;
    private final List<PaymentObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private RiskApi(RiskServices services, Ledger ledger, Metrics metrics, PaymentGate gate, AuditTrail trail, StepUp stepUp) {
        this.services = services;
        this.stepUp = stepUp;
        RiskAudit audit = new RiskAudit(trail, services.engine());
        List<Route> all = new ArrayList<>();
        EntityLinks links = new EntityLinks();
        all.addAll(new PaymentRoutes(services.engine(), metrics, gate, audit, stepUp, links, observers).routes());
        all.addAll(new StepUpRoutes(stepUp, ledger, trail).routes());
        all.addAll(new ReviewRoutes(services.engine(), audit, metrics).routes());
        all.addAll(new EntityRoutes(services.engine(), links, gate).routes());
        all.addAll(new PolicyRoutes(services.config(), metrics, audit).routes());
        all.addAll(new ModelRoutes(services.config(), services.scoreboard(), audit).routes());
        this.routes = List.copyOf(all);
    }

    public static RiskApi open(Path dir, Ledger ledger, Metrics metrics) {
        return open(dir, ledger, metrics, PaymentGate.OPEN);
    }

    /** Payments pass {@code gate} (KYC limits) before they are decided. */
    public static RiskApi open(Path dir, Ledger ledger, Metrics metrics, PaymentGate gate) {
        return open(dir, ledger, metrics, gate, AuditTrail.NONE);
    }

    /** As above; every payment decision, challenge, label and review verdict is appended to {@code trail}. */
    public static RiskApi open(Path dir, Ledger ledger, Metrics metrics, PaymentGate gate, AuditTrail trail) {
        RiskEngineConfig config = RiskEngineConfig.defaults().withFsync(!Boolean.getBoolean("farthing.risk.nofsync"));
        RiskServices services = RiskServices.open(ledger, dir, config,
                (decision, nanos) -> metrics.decision(decision.wire(), nanos), POLL_SECONDS);
        DriftMetrics.bind(metrics, services.config());
        StepUp stepUp;
        try {
            stepUp = StepUp.open(dir.resolveSibling("stepup"), ledger);
        } catch (RuntimeException | Error e) {
            services.close();
            throw e;
        }
        return new RiskApi(services, ledger, metrics, gate, trail, stepUp);
    }

    /** Tells {@code o} of every payment that moves money from now on (see {@link PaymentObserver}). */
    public void observePayments(PaymentObserver o) {
        observers.add(o);
    }

    public RiskServices services() {
        return services;
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        try {
            stepUp.close();
        } finally {
            services.close();
        }
    }
}
