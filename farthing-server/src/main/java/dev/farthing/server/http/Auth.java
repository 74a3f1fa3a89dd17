package dev.farthing.server.http;

import dev.farthing.server.Role;
import dev.farthing.server.http.console.ConsoleGuard;
import dev.farthing.server.keys.KeyRegistry;
import dev.farthing.server.keys.KeyRegistry.Principal;
import io.javalin.http.Context;

/**
 * Bearer-key authentication and role checks. A missing, malformed, unknown or revoked key is 401
 * {@code unauthorized}; a key whose role does not allow the route is 403 {@code forbidden}. A request with no
 * Authorization header but a console session cookie is authenticated by the session ({@link ConsoleGuard}: CSRF
 * token and origin checked on every state change), with the same role checks.
 */
public final class Auth {
    public static final String PRINCIPAL = "farthing.principal";
    private final KeyRegistry keys;
    private final ConsoleGuard console;

    public Auth(KeyRegistry keys, ConsoleGuard console) {
        this.keys = keys;
        this.console = console;
    }

    public Principal require(Context ctx, Role needed) {
        String header = ctx.header("Authorization");
        if ((header == null || header.isBlank()) && console != null && ConsoleGuard.hasCookie(ctx)) {
            return allowed(ctx, console.principal(ctx), needed);
        }
        if (header == null || header.isBlank()) {
            throw unauthorized("missing Authorization header; send `Authorization: Bearer <api-key>`");
        }
        if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("the Authorization header must use the Bearer scheme");
        }
        Principal p = keys.authenticate(header.substring(7).trim());
        if (p == null) {
            throw unauthorized("unknown or revoked API key");
        }
        return allowed(ctx, p, needed);
    }

    private static Principal allowed(Context ctx, Principal p, Role needed) {
        if (!p.role().allows(needed)) {
            throw new ApiException(403, Problems.FORBIDDEN, "a key with role " + p.role().wire()
                    + " may not do this; it needs role " + needed.wire() + (needed == Role.ADMIN ? "" : " or admin"));
        }
        ctx.attribute(PRINCIPAL, p);
        return p;
    }

    public static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    private static ApiException unauthorized(String detail) {
        return new ApiException(401, Problems.UNAUTHORIZED, detail);
    }
}
