package dev.farthing.server.http.risk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.risk.engine.LiveRiskConfig;
import dev.farthing.risk.policy.PolicyError;
import dev.farthing.risk.policy.PolicyException;
import dev.farthing.risk.policy.PolicySet;
import dev.farthing.risk.policy.PolicyStore;
import dev.farthing.risk.policy.PolicyStoreException;
import dev.farthing.risk.policy.StoredPolicy;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /v1/policies}: read the active policy and stored versions; replace the active policy. The new source
 * is compiled (type-checked against the feature schema) before anything changes: a bad rule is 422 with its
 * rule, line and column, and the old policy stays active.
 */
final class PolicyRoutes {
    static final int MAX_SOURCE_BYTES = 256 * 1024;
    private final LiveRiskConfig live;
    private final Metrics metrics;
    private final RiskAudit audit;

    PolicyRoutes(LiveRiskConfig live, Metrics metrics, RiskAudit audit) {
        this.live = live;
        this.metrics = metrics;
        this.audit = audit;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/v1/policies", Role.AUDITOR, this::get),
                new Route(HandlerType.PUT, "/v1/policies", Role.ADMIN, this::put).acceptingText());
    }

    private void get(Context ctx) {
        PolicyStore store = live.policies();
        PolicySet active = store.active();
        List<StoredPolicy> versions = store.list();
        Replies.json(ctx, 200, Json.bytes(1024 + active.source().length(), g -> {
            g.writeStartObject();
            g.writeStringField("version", active.version());
            g.writeStringField("name", active.name());
            g.writeStringField("source", active.source());
            g.writeStringField("default_version", store.defaultPolicy().version());
            g.writeArrayFieldStart("versions");
            for (StoredPolicy p : versions) {
                g.writeStartObject();
                g.writeNumberField("sequence", p.sequence());
                g.writeStringField("version", p.version());
                g.writeStringField("name", p.name());
                g.writeBooleanField("active", p.version().equals(active.version()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private void put(Context ctx) {
        String source = source(ctx, Body.read(ctx, MAX_SOURCE_BYTES));
        PolicySet activated;
        String before;
        try {
            synchronized (live) {
                PolicyStore store = live.policies();
                before = store.active().version();
                activated = store.activate(store.put(source));
            }
        } catch (PolicyException e) {
            RiskProblems.write(ctx, metrics, 422, e.code(), e.getMessage(), g -> {
                g.writeArrayFieldStart("errors");
                for (PolicyError err : e.errors()) {
                    g.writeStartObject();
                    if (err.rule() != null) {
                        g.writeStringField("rule", err.rule());
                    }
                    g.writeNumberField("line", err.line());
                    g.writeNumberField("column", err.column());
                    g.writeStringField("message", err.message());
                    g.writeEndObject();
                }
                g.writeEndArray();
            });
            return;
        } catch (PolicyStoreException e) {
            throw new ApiException(409, e.code(), e.getMessage());
        }
        audit.trail().record(ctx, "policy.activated", "policy:" + activated.name(), RiskAudit.one("version", before),
                RiskAudit.one("version", activated.version()));
        Replies.json(ctx, 200, Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("version", activated.version());
            g.writeStringField("name", activated.name());
            g.writeBooleanField("active", true);
            g.writeEndObject();
        }));
    }

    /** A text body is the policy source; a JSON body is {@code {"source": "..."}}. */
    private static String source(Context ctx, byte[] body) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.startsWith("application/json")) {
            if (Body.isEmpty(body)) {
                throw ApiException.invalid("the policy source is required");
            }
            return new String(body, StandardCharsets.UTF_8);
        }
        JsonNode tree = JsonIn.tree(body);
        if (!tree.isObject() || tree.size() != 1 || !tree.path("source").isTextual()) {
            throw ApiException.invalid("a JSON body must be exactly {\"source\": \"...policy text...\"}");
        }
        return tree.get("source").asText();
    }
}
