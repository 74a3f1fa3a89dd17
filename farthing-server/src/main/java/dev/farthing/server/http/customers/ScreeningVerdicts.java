package dev.farthing.server.http.customers;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.contracts.audit.AuditEvent;
import dev.farthing.customers.customer.Customer;
import dev.farthing.customers.service.CustomerService;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Auth;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import dev.farthing.server.http.Times;
import dev.farthing.server.http.customers.ScreeningBook.Hit;
import dev.farthing.server.http.customers.ScreeningBook.Screen;
import dev.farthing.server.http.customers.ScreeningBook.Verdict;
import dev.farthing.server.keys.KeyRegistry.Principal;
import io.javalin.http.Context;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/customers/{id}/screening} (compliance): a verdict on one of the customer's screening hits.
 * {@code confirmed} freezes the customer (its payments are then refused {@code sanctions_hit});
 * {@code false_positive} allowlists the hit for that listed entry as it is now (its content hash, with the list
 * version and hash), until {@code expires_at} if given. Every verdict is recorded with key, reason and time.
 * Also writes the {@code screening} member of a customer's record.
 */
final class ScreeningVerdicts {
    static final String HIT_NOT_FOUND = CustomerProblems.SCREENING_HIT_NOT_FOUND;
    private static final com.fasterxml.jackson.databind.ObjectMapper AUDIT_JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final CustomerService service;
    private final CustomerScreening screening;

    ScreeningVerdicts(CustomerService service, CustomerScreening screening) {
        this.service = service;
        this.screening = screening;
    }

    Route route() {
        return Route.post("/v1/customers/{id}/screening", Role.COMPLIANCE, this::verdict);
    }

    private record Request(String entityId, String verdict, String reason, Long expiresAt) {
    }

    private static Request read(JsonIn in) {
        in.startObject("");
        String entity = null;
        String verdict = null;
        String reason = null;
        String expires = null;
        for (String f = in.nextField(); f != null; f = in.nextField()) {
            switch (f) {
                case "entity_id" -> entity = in.string("entity_id");
                case "verdict" -> verdict = in.string("verdict");
                case "reason" -> reason = in.string("reason");
                case "expires_at" -> expires = in.optionalString("expires_at");
                default -> throw in.unknownField(f);
            }
        }
        if (entity == null || entity.isBlank()) throw ApiException.invalid("entity_id is required");
        if (!"confirmed".equals(verdict) && !"false_positive".equals(verdict)) {
            throw ApiException.invalid("verdict must be confirmed or false_positive");
        }
        if (reason == null || reason.isBlank() || reason.length() > 256) {
            throw ApiException.invalid("reason is required: say why, in 1..256 characters");
        }
        Long expiresAt = null;
        if (expires != null) {
            if (verdict.equals("confirmed")) throw ApiException.invalid("expires_at applies to a false_positive only");
            try {
                Instant at = Instant.parse(expires);
                expiresAt = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
            } catch (DateTimeParseException | ArithmeticException e) {
                throw ApiException.invalid("expires_at must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
            }
        }
        return new Request(entity, verdict, reason, expiresAt);
    }

    private void verdict(Context ctx) {
        String id = Replies.idParam(ctx, "customer id");
        Request r = JsonIn.read(Body.read(ctx, 4096), ScreeningVerdicts::read);
        Principal who = Auth.principal(ctx);
        service.get(id).orElseThrow(() -> new ApiException(404, "customer_not_found", "no customer " + id));
        long now = service.now();
        if (r.expiresAt() != null && r.expiresAt() <= now) throw ApiException.invalid("expires_at must be in the future");
        Screen after;
        Screen before;
        boolean lifted;
        synchronized (screening.lock()) {
            Screen s = screening.book().screen(id).orElseThrow(() -> notFound(id, r.entityId()));
            before = s;
            Hit hit = s.hits().stream().filter(h -> h.entityId().equals(r.entityId())).findFirst()
                    .orElseThrow(() -> notFound(id, r.entityId()));
            Verdict previous = screening.book().verdicts(id).get(hit.entityId());
            screening.book().recordVerdict(id, new Verdict(hit.entityId(), r.verdict(), r.reason(), who.keyId(), now,
                    r.expiresAt(), s.listVersion(), s.listHash(), hit.entryHash()));
            // a false_positive on a confirmed hit lifts it: the customer is unfrozen once no confirmed hit stands
            lifted = r.verdict().equals("false_positive") && previous != null && previous.verdict().equals("confirmed");
            boolean stillConfirmed = screening.book().verdicts(id).values().stream().anyMatch(v -> v.verdict().equals("confirmed"));
            List<Hit> left = r.verdict().equals("confirmed") ? s.hits()
                    : s.hits().stream().filter(h -> !h.entityId().equals(r.entityId())).toList();
            String status = stillConfirmed ? CustomerScreening.CONFIRMED
                    : left.isEmpty() ? CustomerScreening.CLEAR : CustomerScreening.POTENTIAL;
            after = screening.book().recordScreen(id, new Screen(status, s.listVersion(), s.listHash(), now, left));
        }
        boolean unfreeze = lifted && !after.status().equals(CustomerScreening.CONFIRMED);
        Customer c = r.verdict().equals("confirmed")
                ? CustomerRoutes.call(service.freeze(id, true, who.keyId(), "sanctions hit " + r.entityId()
                        + " confirmed: " + r.reason()))
                : unfreeze
                ? CustomerRoutes.call(service.freeze(id, false, who.keyId(), "confirmed sanctions hit " + r.entityId()
                        + " lifted as a false positive: " + r.reason()))
                : service.get(id).orElseThrow();
        screening.audit().append(new AuditEvent(who.keyId(), who.role().wire(),
                lifted ? "screening.hit_lifted" : "screening.hit_" + r.verdict(), "customer:" + id,
                auditState(before.status(), r.entityId(), null), auditState(after.status(), r.entityId(), r.reason())));
        Replies.json(ctx, 200, CustomerJson.customer(c, null, writer(Optional.of(after), screening.book().verdicts(id), true)));
    }

    /** The audit view of a screening: status and the entity decided on, never the customer's personal data. */
    private static String auditState(String status, String entityId, String reason) {
        com.fasterxml.jackson.databind.node.ObjectNode o = AUDIT_JSON.createObjectNode()
                .put("screening_status", status).put("entity_id", entityId);
        if (reason != null) {
            o.put("reason", reason);
        }
        return o.toString();
    }

    private static ApiException notFound(String id, String entity) {
        return new ApiException(409, HIT_NOT_FOUND, "customer " + id + " has no open screening hit on " + entity
                + "; GET /v1/customers/" + id + " with a compliance key lists its hits");
    }

    /** The {@code screening} member: status and list for everyone; hits and verdicts for compliance and admin. */
    static Json.Writer writer(Optional<Screen> screen, Map<String, Verdict> verdicts, boolean privileged) {
        return g -> {
            g.writeObjectFieldStart("screening");
            if (screen.isEmpty()) {
                g.writeStringField("status", "not_screened");
                g.writeEndObject();
                return;
            }
            Screen s = screen.get();
            g.writeStringField("status", s.status());
            g.writeStringField("list_version", s.listVersion());
            g.writeStringField("list_hash", s.listHash());
            g.writeStringField("screened_at", Times.format(s.at()));
            if (privileged) {
                g.writeArrayFieldStart("hits");
                for (Hit h : s.hits()) {
                    hit(g, h);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("verdicts");
                for (Verdict v : verdicts.values()) {
                    verdict(g, v);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        };
    }

    private static void hit(JsonGenerator g, Hit h) throws IOException {
        g.writeStartObject();
        g.writeStringField("entity_id", h.entityId());
        g.writeStringField("list", h.list());
        g.writeStringField("name", h.name());
        g.writeStringField("matched_name", h.matchedName());
        g.writeNumberField("score", h.score());
        g.writeStringField("entry_hash", h.entryHash());
        g.writeArrayFieldStart("explanation");
        for (String line : h.explanation()) {
            g.writeString(line);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void verdict(JsonGenerator g, Verdict v) throws IOException {
        g.writeStartObject();
        g.writeStringField("entity_id", v.entityId());
        g.writeStringField("verdict", v.verdict());
        g.writeStringField("reason", v.reason());
        g.writeStringField("by", v.by());
        g.writeStringField("at", Times.format(v.at()));
        if (v.expiresAt() != null) {
            g.writeStringField("expires_at", Times.format(v.expiresAt()));
        }
        g.writeStringField("list_version", v.listVersion());
        g.writeStringField("list_hash", v.listHash());
        g.writeStringField("entry_hash", v.entryHash());
        g.writeEndObject();
    }
}
