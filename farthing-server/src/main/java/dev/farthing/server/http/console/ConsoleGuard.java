package dev.farthing.server.http.console;

import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Problems;
import dev.farthing.server.keys.KeyRegistry.Principal;
import io.javalin.http.Context;

import java.util.Locale;

/**
 * Authenticates a browser request by its console session cookie. Every state change (any method but GET and
 * HEAD) must also carry the session's CSRF token in {@value #CSRF_HEADER} and an {@code Origin} equal to this
 * server's own (the cookie is SameSite=Strict as well; the token and the origin check do not rely on it).
 */
public final class ConsoleGuard {
    public static final String COOKIE = "farthing_console";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private final ConsoleSessions sessions;

    public ConsoleGuard(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    public ConsoleSessions sessions() {
        return sessions;
    }

    /** True when the request carries a console cookie (and so is authenticated by it, not by a bearer key). */
    public static boolean hasCookie(Context ctx) {
        return ctx.cookie(COOKIE) != null;
    }

    /** The session's principal; 401 without a live session, 403 {@code csrf_refused} for a forged state change. */
    public ConsoleSessions.Session require(Context ctx) {
        ConsoleSessions.Session s = sessions.resolve(ctx.cookie(COOKIE));
        if (s == null) {
            throw new ApiException(401, Problems.UNAUTHORIZED, "the console session is unknown or has expired; log in again");
        }
        if (changesState(ctx)) {
            checkOrigin(ctx);
            if (!ConsoleSessions.tokenMatches(s, ctx.header(CSRF_HEADER))) {
                throw new ApiException(403, ConsoleProblems.CSRF_REFUSED,
                        "a state change from the console must send the session's CSRF token in " + CSRF_HEADER);
            }
        }
        return s;
    }

    public Principal principal(Context ctx) {
        return require(ctx).principal();
    }

    static boolean changesState(Context ctx) {
        String m = ctx.req().getMethod().toUpperCase(Locale.ROOT);
        return !m.equals("GET") && !m.equals("HEAD");
    }

    /** The Origin header must name this server (scheme, host and port as the request reached it). */
    static void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin == null || host == null
                || !(origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host))) {
            throw new ApiException(403, ConsoleProblems.CSRF_REFUSED,
                    "a state change from the console must come from the console's own origin (Origin " + origin + ")");
        }
    }
}
