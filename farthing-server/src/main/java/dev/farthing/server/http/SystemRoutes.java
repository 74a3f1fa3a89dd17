package dev.farthing.server.http;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.server.http.audit.AuditTrail;
import dev.farthing.ledger.model.LedgerHealth;
import dev.farthing.server.Role;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The unauthenticated routes ({@code /health}, {@code /metrics}, {@code /openapi.json}) and the admin ones
 * ({@code /v1/admin/breaker/reset}, {@code /v1/admin/snapshot}).
 */
public final class SystemRoutes {
    public static final String OPENAPI_RESOURCE = "/openapi.json";
    private final Ledger ledger;
    private final Metrics metrics;
    private final byte[] openApi;

    private final AuditTrail trail;

    public SystemRoutes(Ledger ledger, Metrics metrics) {
        this(ledger, metrics, AuditTrail.NONE);
    }

    /** Admin actions (breaker reset, snapshot) are appended to {@code trail}. */
    public SystemRoutes(Ledger ledger, Metrics metrics, AuditTrail trail) {
        this.ledger = ledger;
        this.metrics = metrics;
        this.trail = trail;
        this.openApi = loadOpenApi();
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/health", null, this::health),
                Route.get("/metrics", null, ctx -> ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape())),
                Route.get("/openapi.json", null, ctx -> Replies.json(ctx, 200, openApi)),
                Route.post("/v1/admin/breaker/reset", Role.ADMIN, this::resetBreaker),
                Route.post("/v1/admin/snapshot", Role.ADMIN, this::snapshot));
    }

    private void health(Context ctx) {
        LedgerHealth h;
        try {
            h = ledger.health();
        } catch (RuntimeException e) {
            Replies.json(ctx, 503, Json.bytes(g -> {
                g.writeStartObject();
                g.writeStringField("status", "unavailable");
                g.writeStringField("detail", "the ledger is not available: " + e.getClass().getSimpleName());
                g.writeEndObject();
            }));
            return;
        }
        Replies.json(ctx, h.breakerOpen() ? 503 : 200, healthJson(h));
    }

    static byte[] healthJson(LedgerHealth h) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("status", h.breakerOpen() ? "circuit_open" : "ok");
            g.writeBooleanField("breaker_open", h.breakerOpen());
            g.writeStringField("breaker_reason", h.breakerReason());
            g.writeStringField("last_timestamp", Times.formatOrNull(h.lastTimestamp()));
            g.writeNumberField("last_timestamp_ns", h.lastTimestamp());
            g.writeNumberField("journal_sequence", h.journalSequence());
            g.writeNumberField("accounts", h.accounts());
            g.writeNumberField("pending_holds", h.pendingHolds());
            g.writeNumberField("transfers_committed", h.transfersCommitted());
            g.writeNumberField("index_lag", h.indexLag());
            // Reserved accounts a client made before the namespace was reserved: the ledger never uses them.
            g.writeArrayFieldStart("client_made_system_accounts");
            for (String id : h.clientMadeSystemAccounts()) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private void resetBreaker(Context ctx) {
        Replies.requireNoOptions(ctx);
        ledger.resetBreaker(Auth.principal(ctx).keyId());
        trail.record(ctx, "admin.breaker_reset", "ledger:breaker", null, null);
        Replies.json(ctx, 200, healthJson(ledger.health()));
    }

    private void snapshot(Context ctx) {
        Replies.requireNoOptions(ctx);
        String file = LedgerCalls.await(ledger::snapshot);
        trail.record(ctx, "admin.snapshot", "ledger:snapshot", null, AuditTrail.state(g -> {
            g.writeStartObject();
            g.writeStringField("snapshot", file);
            g.writeEndObject();
        }));
        Replies.json(ctx, 200, Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("snapshot", file);
            g.writeEndObject();
        }));
    }

    public static byte[] loadOpenApi() {
        try (InputStream in = SystemRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
