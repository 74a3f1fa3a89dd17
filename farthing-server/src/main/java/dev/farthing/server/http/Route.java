package dev.farthing.server.http;

import dev.farthing.server.Role;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One HTTP route: method, path template ({@code /v1/accounts/{id}}), the role a key needs ({@code null}
 * for the unauthenticated system routes) and the handler. The route table is the single source both for
 * registration and for checking the OpenAPI document. A request body must be JSON ({@code application/json}
 * or {@code application/*+json}, else 415) unless the route also takes plain text ({@link #acceptsText}).
 */
public record Route(HandlerType method, String path, Role role, Handler handler, boolean acceptsText) {

    public Route(HandlerType method, String path, Role role, Handler handler) {
        this(method, path, role, handler, false);
    }

    /** The same route, also taking a {@code text/plain} body (a policy's source, say). */
    public Route acceptingText() {
        return new Route(method, path, role, handler, true);
    }

    public static Route get(String path, Role role, Handler handler) {
        return new Route(HandlerType.GET, path, role, handler);
    }

    public static Route post(String path, Role role, Handler handler) {
        return new Route(HandlerType.POST, path, role, handler);
    }

    public boolean isPublic() {
        return role == null;
    }

    /** True when a concrete request path matches this route's template. */
    public boolean matches(String requestPath) {
        String[] want = path.split("/", -1);
        String trimmed = requestPath.length() > 1 && requestPath.endsWith("/")
                ? requestPath.substring(0, requestPath.length() - 1) : requestPath;
        String[] got = trimmed.split("/", -1);
        if (want.length != got.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            boolean param = want[i].startsWith("{") && want[i].endsWith("}");
            if (param ? got[i].isEmpty() : !want[i].equals(got[i])) {
                return false;
            }
        }
        return true;
    }
}
