package dev.farthing.server.http.disputes;

import dev.farthing.disputes.model.Dispute;
import dev.farthing.disputes.model.DisputeClass;
import dev.farthing.disputes.model.DisputeException;
import dev.farthing.disputes.model.DisputeState;
import dev.farthing.disputes.model.Reason;
import dev.farthing.disputes.model.Tier;
import dev.farthing.disputes.model.Wire;
import dev.farthing.disputes.service.DisputeService;
import dev.farthing.disputes.service.Reviewer;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Auth;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Paging;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import dev.farthing.server.keys.KeyRegistry.Principal;
import io.javalin.http.Context;

import java.util.List;
import java.util.function.Predicate;

/**
 * {@code /v1/disputes} and {@code /v1/deliveries}: file (operator), read and list (any reading role), add
 * evidence and appeal (operator, for the platform's parties), decide or escalate (a reviewer key only, never the
 * claimant's or the payment's submitter's), export for arbitration (reviewer), record deliveries (operator).
 */
final class DisputeRoutes {
    private static final int MAX_BODY = 128 * 1024;
    private final DisputeService service;

    DisputeRoutes(DisputeService service) {
        this.service = service;
    }

    List<Route> routes() {
        return List.of(
                Route.post("/v1/disputes", Role.OPERATOR, this::create),
                Route.get("/v1/disputes", Role.AUDITOR, this::list),
                Route.get("/v1/disputes/{id}", Role.AUDITOR, this::lookup),
                Route.post("/v1/disputes/{id}/evidence", Role.OPERATOR, this::evidence),
                Route.post("/v1/disputes/{id}/appeal", Role.OPERATOR, this::appeal),
                Route.post("/v1/disputes/{id}/decision", Role.REVIEWER, this::decide),
                Route.get("/v1/disputes/{id}/arbitration", Role.REVIEWER, this::arbitration),
                Route.post("/v1/deliveries", Role.OPERATOR, this::delivery));
    }

    private void create(Context ctx) {
        var tree = JsonIn.tree(Body.read(ctx, MAX_BODY));
        var body = call(() -> DisputeBodies.newDispute(tree));
        DisputeService.Created c = call(() -> service.create(body));
        reply(ctx, c.replayed() ? 200 : 201, c.dispute());
    }

    private void lookup(Context ctx) {
        String id = Replies.idParam(ctx, "dispute id");
        reply(ctx, 200, service.get(id).orElseThrow(() -> new ApiException(404, "dispute_not_found", "no dispute " + id)));
    }

    /**
     * {@code GET /v1/disputes?state=&tier=&reason=&classification=&claimant=&after=&limit=}: id order, the cursor is
     * the last id of a page; {@code state=queue} is everything a reviewer may decide (escalated or appealed).
     */
    private void list(Context ctx) {
        Predicate<Dispute> filter = d -> true;
        String state = ctx.queryParam("state");
        if (state != null && !state.equals("all")) {
            if (state.equals("queue")) {
                filter = filter.and(d -> d.state() == DisputeState.ESCALATED || d.state() == DisputeState.APPEALED);
            } else {
                DisputeState s = param("state", state, DisputeState.class);
                filter = filter.and(d -> d.state() == s);
            }
        }
        String tier = ctx.queryParam("tier");
        if (tier != null) {
            Tier t = Tier.valueOf(switch (tier) { case "L1", "L2", "L3" -> tier; default -> throw ApiException.invalid("tier must be L1, L2 or L3"); });
            filter = filter.and(d -> d.tier() == t);
        }
        String reason = ctx.queryParam("reason");
        if (reason != null) {
            Reason r = param("reason", reason, Reason.class);
            filter = filter.and(d -> d.reason() == r);
        }
        String cls = ctx.queryParam("classification");
        if (cls != null) {
            DisputeClass c = param("classification", cls, DisputeClass.class);
            filter = filter.and(d -> d.classification() == c);
        }
        String claimant = ctx.queryParam("claimant");
        if (claimant != null) {
            filter = filter.and(d -> d.claimant().equals(claimant));
        }
        int limit = Paging.limit(ctx);
        List<Dispute> found = service.list(filter, Paging.cursor(ctx, "after"), limit + 1);
        List<Dispute> page = found.size() > limit ? found.subList(0, limit) : found;
        Paging.reply(ctx, page, found.size() > limit ? page.getLast().id() : null,
                (g, d) -> DisputeJson.write(g, d, service.hoursLeft(d)));
    }

    private static <E extends Enum<E>> E param(String name, String value, Class<E> type) {
        E e = Wire.parse(type, value);
        if (e == null) {
            throw ApiException.invalid(name + " must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Wire::of).toList());
        }
        return e;
    }

    private void evidence(Context ctx) {
        String id = Replies.idParam(ctx, "dispute id");
        var tree = JsonIn.tree(Body.read(ctx, MAX_BODY));
        var items = call(() -> DisputeBodies.evidenceOnly(tree));
        String actor = Auth.principal(ctx).keyId();
        reply(ctx, 200, call(() -> service.addEvidence(id, items, actor)));
    }

    private void appeal(Context ctx) {
        String id = Replies.idParam(ctx, "dispute id");
        var tree = JsonIn.tree(Body.read(ctx, MAX_BODY));
        var body = call(() -> DisputeBodies.appeal(tree));
        String actor = Auth.principal(ctx).keyId();
        reply(ctx, 200, call(() -> service.appeal(id, body.by(), body.narrative(), body.evidence(), actor)));
    }

    private void decide(Context ctx) {
        String id = Replies.idParam(ctx, "dispute id");
        Principal who = reviewer(ctx);
        var tree = JsonIn.tree(Body.read(ctx, 8192));
        var decision = call(() -> DisputeBodies.decision(tree));
        reply(ctx, 200, call(() -> service.decide(id, decision, new Reviewer(who.keyId(), who.role().wire()))));
    }

    private void arbitration(Context ctx) {
        String id = Replies.idParam(ctx, "dispute id");
        reviewer(ctx);
        Replies.json(ctx, 200, call(() -> service.arbitrationExport(id)));
    }

    /** Disputes are decided by a reviewer key only: not an admin key, which could also have moved the money. */
    private static Principal reviewer(Context ctx) {
        Principal who = Auth.principal(ctx);
        if (who.role() != Role.REVIEWER) {
            throw new ApiException(403, "forbidden", "disputes are decided by a key with role reviewer, not " + who.role().wire());
        }
        return who;
    }

    private void delivery(Context ctx) {
        var body = DisputeBodies.delivery(JsonIn.tree(Body.read(ctx, 8192)));
        DisputeService.Recorded r = call(() -> service.recordDelivery(body.paymentId(), body.contentId(), body.deliveredAt(), body.progress()));
        Replies.json(ctx, r.replayed() ? 200 : 201, Json.bytes(g -> DisputeJson.delivery(g, r.delivery())));
    }

    private void reply(Context ctx, int status, Dispute d) {
        Replies.json(ctx, status, Json.bytes(4096, g -> DisputeJson.write(g, d, service.hoursLeft(d))));
    }

    /** Runs a service call; its refusals become problems with their own code and a status by kind. */
    static <T> T call(java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (DisputeException e) {
            int status = switch (e.error().kind()) {
                case INVALID -> 400;
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case FORBIDDEN -> 403;
                case UNAVAILABLE -> 503;
            };
            throw new ApiException(status, e.error().code(), e.detail());
        }
    }
}
