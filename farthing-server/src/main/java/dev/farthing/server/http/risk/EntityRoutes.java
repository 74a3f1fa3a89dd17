package dev.farthing.server.http.risk;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.risk.engine.DecisionReason;
import dev.farthing.risk.engine.RiskEngine;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.PaymentGate;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import dev.farthing.server.http.Times;
import dev.farthing.server.http.risk.EntityLinks.Kind;
import dev.farthing.server.http.risk.EntityLinks.Node;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.List;

/**
 * {@code GET /v1/entities/{kind}/{id}}: an account, device, address or instrument with its linked accounts and
 * devices ({@link EntityLinks}) and its recent payments with their decisions, reasons and current status. A raw
 * device id or IP address is looked up by its pseudonym, as the engine saw it.
 */
final class EntityRoutes {
    private final RiskEngine engine;
    private final EntityLinks links;
    private final PaymentGate gate;

    EntityRoutes(RiskEngine engine, EntityLinks links, PaymentGate gate) {
        this.engine = engine;
        this.links = links;
        this.gate = gate;
    }

    List<Route> routes() {
        return List.of(Route.get("/v1/entities/{kind}/{id}", Role.AUDITOR, this::lookup));
    }

    private void lookup(Context ctx) {
        Kind kind = Kind.parse(ctx.pathParam("kind"));
        if (kind == null) {
            throw ApiException.invalid("kind must be account, device, address, instrument or payment");
        }
        String id = Replies.idParam(ctx, kind.wire() + " id");
        String key = switch (kind) {
            case ACCOUNT, PAYMENT -> id;
            case DEVICE -> gate.pseudonym("device", id);
            case ADDRESS -> gate.pseudonym("ip", id);
            case INSTRUMENT -> gate.pseudonym("instrument", id);
        };
        EntityLinks.Graph graph = links.around(new Node(kind, key));
        Replies.json(ctx, 200, Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("kind", kind.wire());
            g.writeStringField("id", key);
            g.writeArrayFieldStart("nodes");
            for (Node n : graph.nodes()) {
                g.writeStartObject();
                g.writeStringField("kind", n.kind().wire());
                g.writeStringField("id", n.id());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("edges");
            for (EntityLinks.Edge e : graph.edges()) {
                g.writeStartObject();
                g.writeStringField("from", e.from().kind().wire() + ":" + e.from().id());
                g.writeStringField("to", e.to().kind().wire() + ":" + e.to().id());
                g.writeStringField("relation", e.relation());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("payments");
            for (EntityLinks.Seen s : graph.payments()) {
                writeSeen(g, s);
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private void writeSeen(JsonGenerator g, EntityLinks.Seen s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.paymentId());
        g.writeStringField("payer", s.payer());
        g.writeStringField("payee", s.payee());
        g.writeNumberField("amount", s.amount());
        g.writeStringField("currency", s.currency());
        g.writeStringField("device", s.device());
        g.writeStringField("address", s.address());
        if (s.instrument() != null) {
            g.writeStringField("instrument", s.instrument());
        }
        if (s.userAgent() != null) {
            g.writeStringField("user_agent", s.userAgent());
        }
        if (s.contentId() != null) {
            g.writeStringField("content_id", s.contentId());
        }
        g.writeStringField("decision", s.decision());
        // The status as it stands now (a review or a challenge may have changed it since the decision).
        String status = engine.lookup(s.paymentId()).map(r -> r.status().wire()).orElse("unknown");
        g.writeStringField("status", status);
        g.writeArrayFieldStart("reasons");
        for (DecisionReason reason : s.reasons()) {
            g.writeStartObject();
            g.writeStringField("code", reason.code());
            g.writeStringField("detail", reason.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("decided_at", Times.format(s.decidedAt()));
        g.writeEndObject();
    }
}
