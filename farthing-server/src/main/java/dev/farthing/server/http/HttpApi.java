package dev.farthing.server.http;

import dev.farthing.contracts.Refusal;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.LedgerException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.TreeSet;

/**
 * Builds the Javalin app: registers the route table behind authentication, maps every failure to
 * problem+json, and records metrics for every request (matched or not).
 */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private final List<Route> routes;
    private final Auth auth;
    private final Metrics metrics;

    /**
     * Serves {@code routes} (the system routes plus every domain adapter's: ledger, risk, channels, ...), all
     * behind the same auth. The core knows no domain: adapters hand it their route tables.
     */
    public HttpApi(Auth auth, Metrics metrics, List<Route> routes) {
        this.auth = auth;
        this.metrics = metrics;
        this.routes = List.copyOf(routes);
    }

    /** Every route the server serves; the OpenAPI document must describe exactly these. */
    public List<Route> routes() {
        return routes;
    }

    public Javalin create() {
        Javalin app = Javalin.create(config -> {
            config.useVirtualThreads = true;
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = Body.MAX_BYTES;
            config.http.disableCompression();
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new ProblemErrorHandler()));
            config.requestLogger.http((ctx, ms) -> metrics.request(ctx.method().name(), routeLabel(ctx),
                    ctx.statusCode(), (long) (ms * 1_000_000)));
        });
        for (Route r : routes) {
            app.addHttpHandler(r.method(), r.path(), r.isPublic() ? r.handler() : ctx -> {
                auth.require(ctx, r.role());
                r.handler().handle(ctx);
            });
        }
        app.exception(ApiException.class, (e, ctx) -> problem(ctx, e.status(), e.code(), e.detail()));
        app.exception(Refusal.class, (e, ctx) -> {
            ApiException api = ApiException.of(e);
            problem(ctx, api.status(), api.code(), api.detail());
        });
        app.exception(LedgerException.class, (e, ctx) -> {
            ApiException api = ApiException.of(e);
            problem(ctx, api.status(), api.code(), api.detail());
        });
        app.exception(HttpResponseException.class, this::httpProblem);
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unhandled exception serving {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, 500, Problems.INTERNAL, "internal error; see the server log");
        });
        return app;
    }

    private void problem(Context ctx, int status, String code, String detail) {
        metrics.refusal(code);
        Problems.write(ctx, status, code, detail);
    }

    /** Javalin's own refusals: no route (404, or 405 when the path exists for other methods), too large. */
    private void httpProblem(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        if (status == 404) {
            TreeSet<String> allowed = new TreeSet<>();
            for (Route r : routes) {
                if (r.matches(ctx.path())) {
                    allowed.add(r.method().name());
                }
            }
            if (!allowed.isEmpty()) {
                ctx.header("Allow", String.join(", ", allowed));
                problem(ctx, 405, Problems.METHOD_NOT_ALLOWED, ctx.req().getMethod() + " is not allowed on "
                        + ctx.path() + "; allowed: " + String.join(", ", allowed));
                return;
            }
            problem(ctx, 404, ErrorCode.NOT_FOUND.code(), "no such endpoint: " + ctx.req().getMethod() + " " + ctx.path());
        } else if (status == 413) {
            problem(ctx, 413, Problems.PAYLOAD_TOO_LARGE, "request body exceeds " + Body.MAX_BYTES + " bytes");
        } else if (status == 405) {
            problem(ctx, 405, Problems.METHOD_NOT_ALLOWED, e.getMessage());
        } else if (status >= 500) {
            LOG.error("HTTP {} serving {} {}", status, ctx.method(), ctx.path(), e);
            problem(ctx, status, Problems.INTERNAL, "internal error; see the server log");
        } else {
            problem(ctx, status, status == 400 ? ErrorCode.INVALID_REQUEST.code() : "http_" + status, e.getMessage());
        }
    }

    private static String routeLabel(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            return path != null && path.startsWith("/") ? path : "unmatched";
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
