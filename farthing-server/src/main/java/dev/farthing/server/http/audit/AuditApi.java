package dev.farthing.server.http.audit;

import dev.farthing.audit.AuditLog;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.server.DomainApi;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Route;

import java.nio.file.Path;
import java.util.List;

/**
 * The audit trail of the server ({@code DATA/audit}), opened first and closed last so every other domain's
 * decisions can be appended, with its read routes. Other adapters get {@link #trail()}.
 */
public final class AuditApi implements DomainApi {
    private final AuditLog log;
    private final AuditTrail trail;
    private final List<Route> routes;

    private AuditApi(AuditLog log) {
        this.log = log;
        this.trail = new AuditTrail(log);
        this.routes = new AuditRoutes(log).routes();
    }

    /** Opens (creating) the trail, stamped with the ledger's clock; refuses a chain that does not re-prove. */
    public static AuditApi open(Path dir, Ledger ledger, Metrics metrics) {
        return new AuditApi(AuditLog.open(dir, ledger::now));
    }

    public AuditLog log() {
        return log;
    }

    /** What route handlers and domains append through. */
    public AuditTrail trail() {
        return trail;
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        log.close();
    }
}
