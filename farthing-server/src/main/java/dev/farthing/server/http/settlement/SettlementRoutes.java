package dev.farthing.server.http.settlement;

import dev.farthing.contracts.Refusal;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import dev.farthing.settlement.connector.StatementLine;
import dev.farthing.settlement.connector.http.WebhookVerdict;
import dev.farthing.settlement.connector.http.WebhookVerifier;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.payout.Schedule;
import dev.farthing.settlement.service.BatchView;
import dev.farthing.settlement.service.ImportReport;
import dev.farthing.settlement.service.SettlementService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/payouts} (operator: one payout now, or {@code {"run":"due"}} for every payee due),
 * {@code GET /v1/payouts?status=..}, {@code GET /v1/settlement/batches/{id}}, {@code PUT /v1/settlement/payees/{id}},
 * {@code POST /v1/reconciliation/statements} (upload), {@code GET /v1/reconciliation/exceptions}, and the providers'
 * signed {@code POST /v1/settlement/webhooks/{provider}} (no API key: the signature is the authentication).
 */
final class SettlementRoutes {
    private final SettlementService service;
    private final Map<String, WebhookVerifier> verifiers;

    SettlementRoutes(SettlementService service, Map<String, WebhookVerifier> verifiers) {
        this.service = service;
        this.verifiers = verifiers;
    }

    List<Route> routes() {
        return List.of(Route.post("/v1/payouts", Role.OPERATOR, this::postPayouts),
                Route.get("/v1/payouts", Role.AUDITOR, this::listPayouts),
                Route.get("/v1/settlement/batches/{id}", Role.AUDITOR, this::batch),
                new Route(HandlerType.PUT, "/v1/settlement/payees/{id}", Role.OPERATOR, this::putPayee),
                Route.post("/v1/reconciliation/statements", Role.OPERATOR, this::statement),
                Route.get("/v1/reconciliation/exceptions", Role.AUDITOR, this::exceptions),
                Route.post("/v1/settlement/webhooks/{provider}", null, this::webhook));
    }

    private record PayoutRequest(String id, String payee, Long amount, String run) {
    }

    private void postPayouts(Context ctx) {
        PayoutRequest r = JsonIn.read(Body.read(ctx, 16 * 1024), in -> {
            in.startObject("");
            String id = null, payee = null, run = null;
            Long amount = null;
            for (String f = in.nextField(); f != null; f = in.nextField()) {
                switch (f) {
                    case "id" -> id = in.string("id");
                    case "payee" -> payee = in.string("payee");
                    case "amount" -> amount = in.isNull() ? null : in.amount("amount");
                    case "run" -> run = in.string("run");
                    default -> throw in.unknownField(f);
                }
            }
            return new PayoutRequest(id, payee, amount, run);
        });
        BatchView batch = refusals(() -> {
            if (r.run() != null) {
                if (!r.run().equals("due") || r.id() != null || r.payee() != null || r.amount() != null) {
                    throw ApiException.invalid("run must be \"due\", alone");
                }
                return service.runDue("api");
            }
            if (r.id() == null || r.payee() == null) throw ApiException.invalid("id and payee are required (or run: \"due\")");
            return service.batch(service.requestPayout(r.id(), r.payee(), r.amount()).batchId());
        });
        Replies.json(ctx, 201, Json.bytes(1024, g -> SettlementJson.batch(g, batch)));
    }

    private void listPayouts(Context ctx) {
        String s = ctx.queryParam("status");
        PayoutStatus status;
        try {
            status = s == null || s.equals("all") ? null : PayoutStatus.fromWire(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status must be one of created, held, submitted, in_doubt, paid, failed, returned, all");
        }
        int limit = dev.farthing.server.http.Paging.limit(ctx);
        var list = service.payouts(status, dev.farthing.server.http.Paging.cursor(ctx, "after"), limit + 1);
        var page = list.size() > limit ? list.subList(0, limit) : list;
        String next = list.size() > limit ? page.getLast().id() : null;
        Replies.json(ctx, 200, Json.bytes(1024, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("payouts");
            for (var p : page) SettlementJson.payout(g, p);
            g.writeEndArray();
            g.writeStringField("next_cursor", next);
            g.writeEndObject();
        }));
    }

    private void batch(Context ctx) {
        String id = Replies.idParam(ctx, "batch id");
        BatchView b = refusals(() -> service.batch(id));
        Replies.json(ctx, 200, Json.bytes(1024, g -> SettlementJson.batch(g, b)));
    }

    private void putPayee(Context ctx) {
        String id = Replies.idParam(ctx, "payee id");
        Payee payee = JsonIn.read(Body.read(ctx, 16 * 1024), in -> SettlementJson.readPayee(in, id));
        Payee saved = refusals(() -> service.setPayee(payee));
        Replies.json(ctx, 200, Json.bytes(g -> SettlementJson.payee(g, saved)));
    }

    private void statement(Context ctx) {
        SettlementJson.Statement st = JsonIn.read(Body.read(ctx, Body.MAX_BYTES), SettlementJson::readStatement);
        ImportReport report = refusals(() -> service.importStatement(st.id(), st.provider(), st.lines()));
        Replies.json(ctx, 200, Json.bytes(1024, g -> SettlementJson.report(g, report)));
    }

    private void exceptions(Context ctx) {
        int limit = dev.farthing.server.http.Paging.limit(ctx);
        var list = service.exceptions(dev.farthing.server.http.Paging.cursor(ctx, "after"), limit + 1);
        var page = list.size() > limit ? list.subList(0, limit) : list;
        String next = list.size() > limit ? page.getLast().id() : null;
        Replies.json(ctx, 200, Json.bytes(1024, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("exceptions");
            for (var e : page) SettlementJson.exception(g, e);
            g.writeEndArray();
            g.writeStringField("next_cursor", next);
            g.writeEndObject();
        }));
    }

    private void webhook(Context ctx) {
        String provider = ctx.pathParam("provider");
        WebhookVerifier verifier = verifiers.get(provider);
        if (verifier == null) throw ApiException.notFound("no provider " + provider + " takes webhooks here");
        byte[] body = Body.read(ctx, WebhookVerifier.MAX_BODY_BYTES);
        WebhookVerdict verdict = verifier.verify(ctx.header(WebhookVerifier.SIGNATURE_HEADER), body);
        String result = switch (verdict) {
            case WebhookVerdict.Accepted a -> service.onProviderStatus(a.event().idempotencyKey(), a.event().status(), "webhook");
            case WebhookVerdict.Duplicate d -> "duplicate event " + d.eventId();
            case WebhookVerdict.Rejected r -> throw new ApiException(r.reason().httpStatus,
                    r.reason().httpStatus == 401 ? "unauthorized" : "invalid_request", r.detail());
        };
        Replies.json(ctx, 200, Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("result", result);
            g.writeEndObject();
        }));
    }

    private static <T> T refusals(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (Refusal r) {
            throw ApiException.of(r);
        }
    }
}
