package dev.farthing.server.http;

import dev.farthing.server.Role;
import dev.farthing.server.keys.KeyRegistry;
import dev.farthing.server.keys.KeyRegistry.Principal;
import io.javalin.http.Context;

/**
 * Bearer-key authentication and role checks. A missing, malformed, unknown or revoked key is 401
 * {@code unauthorized}; a key whose role does not allow the route is 403 {@code forbidden}.
 */
public final class Auth {
    public static final String PRINCIPAL = "farthing.principal";
    private final KeyRegistry keys;

    public Auth(KeyRegistry keys) {
        this.keys = keys;
    }

    public Principal require(Context ctx, Role needed) {
        String header = ctx.header("Authorization");
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
