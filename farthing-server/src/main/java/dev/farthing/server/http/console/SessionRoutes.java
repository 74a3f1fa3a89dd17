package dev.farthing.server.http.console;

import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Problems;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import io.javalin.http.Context;

import java.util.List;

/**
 * {@code /console/session}: log in with an API key of a console role, read the session (and its CSRF token) back
 * after a page load, log out. The session cookie is HttpOnly (no script reads it), Secure (never sent over plain
 * http, except to localhost, which browsers count as secure), SameSite=Strict and expires with the session.
 */
final class SessionRoutes {
    private final ConsoleGuard guard;

    SessionRoutes(ConsoleGuard guard) {
        this.guard = guard;
    }

    List<Route> routes() {
        return List.of(
                Route.post("/console/session", null, this::login),
                Route.get("/console/session", null, this::current),
                Route.post("/console/logout", null, this::logout));
    }

    private void login(Context ctx) {
        ConsoleHeaders.apply(ctx);
        ConsoleGuard.checkOrigin(ctx); // a login from another site would plant its session here
        String key = JsonIn.read(Body.read(ctx, 4096), SessionRoutes::readKey);
        ConsoleSessions.Session s;
        try {
            s = guard.sessions().login(key);
        } catch (ConsoleSessions.NotAConsoleRole e) {
            throw new ApiException(403, ConsoleProblems.NOT_A_CONSOLE_ROLE, e.getMessage());
        }
        if (s == null) {
            throw new ApiException(401, Problems.UNAUTHORIZED, "unknown or revoked API key");
        }
        ctx.header("Set-Cookie", cookie(s.id(), ConsoleSessions.ABSOLUTE.toSeconds()));
        Replies.json(ctx, 201, sessionJson(s));
    }

    private void current(Context ctx) {
        ConsoleHeaders.apply(ctx);
        Replies.json(ctx, 200, sessionJson(guard.require(ctx)));
    }

    private void logout(Context ctx) {
        ConsoleHeaders.apply(ctx);
        ConsoleSessions.Session s = guard.require(ctx);
        guard.sessions().logout(s.id());
        ctx.header("Set-Cookie", cookie("", 0));
        ctx.status(204);
    }

    static String cookie(String value, long maxAgeSeconds) {
        return ConsoleGuard.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; Secure; SameSite=Strict";
    }

    private static byte[] sessionJson(ConsoleSessions.Session s) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("key_id", s.principal().keyId());
            g.writeStringField("role", s.principal().role().wire());
            g.writeStringField("csrf_token", s.csrfToken());
            g.writeStringField("expires_at", s.expiresAt().toString());
            g.writeEndObject();
        });
    }

    /** {@code {"api_key": "..."}}, nothing else. */
    private static String readKey(JsonIn in) {
        in.startObject("");
        String key = null;
        String f;
        while ((f = in.nextField()) != null) {
            if (!f.equals("api_key")) {
                throw in.unknownField(f);
            }
            key = in.string(f);
        }
        if (key == null || key.isBlank()) {
            throw in.invalid("api_key", "is required");
        }
        return key.trim();
    }
}
