package dev.farthing.server.http.audit;

import dev.farthing.audit.AuditLog;
import dev.farthing.audit.AuditPage;
import dev.farthing.audit.AuditQuery;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Paging;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /v1/audit?subject=&actor=&action=&from=&to=&after=&limit=} reads the trail (filters combine; an
 * action ending in a dot is a prefix), {@code GET /v1/audit/verify} re-proves the chain on disk.
 */
final class AuditRoutes {
    static final int MAX_NAME = 512;
    private final AuditLog log;

    AuditRoutes(AuditLog log) {
        this.log = log;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/v1/audit", Role.AUDITOR, this::list),
                Route.get("/v1/audit/verify", Role.AUDITOR, this::verify));
    }

    private void list(Context ctx) {
        int limit = Paging.limit(ctx);
        AuditQuery q = new AuditQuery(name(ctx, "subject"), name(ctx, "actor"), name(ctx, "action"),
                time(ctx, "from"), time(ctx, "to"), after(ctx), limit);
        if (q.fromNanos() != null && q.toNanos() != null && q.fromNanos() > q.toNanos()) {
            throw ApiException.invalid("from must not be after to");
        }
        AuditPage page = log.query(q);
        Paging.reply(ctx, page.records(), page.nextAfter() == null ? null : Long.toString(page.nextAfter()),
                AuditJson::writeRecord);
    }

    private void verify(Context ctx) {
        Replies.json(ctx, 200, AuditJson.verification(log.verify()));
    }

    private static String name(Context ctx, String param) {
        String v = ctx.queryParam(param);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > MAX_NAME) {
            throw ApiException.invalid(param + " must be at most " + MAX_NAME + " characters");
        }
        return v;
    }

    private static Long time(Context ctx, String param) {
        String v = ctx.queryParam(param);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            Instant t = Instant.parse(v);
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ApiException.invalid(param + " must be an RFC 3339 UTC time, e.g. 2026-01-02T03:04:05Z");
        }
    }

    private static long after(Context ctx) {
        String v = Paging.cursor(ctx, "after");
        if (v == null) {
            return 0;
        }
        if (v.length() > 19 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.invalid("after is not a cursor this server issued");
        }
        return Long.parseLong(v);
    }
}
