package dev.farthing.server.http;

import dev.farthing.contracts.Refusal;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.LedgerException;
import dev.farthing.server.HttpTimeouts;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ServerSocketChannel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the Javalin app: registers the route table behind authentication, maps every failure to
 * problem+json, and records metrics for every request (matched or not).
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private final List<Route> routes;
    private final Auth auth;
    private final Metrics metrics;
    private SlowClientGuard guard;

    /**
     * Serves {@code routes} (the system routes plus every domain adapter's: ledger, risk, channels, ...), all
     * behind the same auth. The core knows no domain: adapters hand it their route tables.
     */
    public HttpApi(Auth auth, Metrics metrics, List<Route> routes) {
        this.auth = auth;
        this.metrics = metrics;
        this.routes = checked(routes);
    }

    /**
     * Wiring invariant: one handler per method and path. Two adapters claiming the same route would leave one of
     * them (perhaps the one moving money) silently unreachable, so the server refuses to start instead.
     */
    static List<Route> checked(List<Route> routes) {
        Set<String> seen = new HashSet<>();
        for (Route r : routes) {
            if (!seen.add(r.method() + " " + r.path())) {
                throw new IllegalStateException("two handlers registered for " + r.method() + " " + r.path());
            }
        }
        return List.copyOf(routes);
    }

    /** Every route the server serves; the OpenAPI document must describe exactly these. */
    public List<Route> routes() {
        return routes;
    }

    /**
     * The app, serving on {@code listening} (already bound, so a busy port fails before anything else is done),
     * closing slow clients per {@code timeouts}. Once per instance; {@link #close} it after the app stops.
     */
    public Javalin create(ServerSocketChannel listening, HttpTimeouts timeouts) {
        if (guard != null) {
            throw new IllegalStateException("create is called once per HttpApi");
        }
        SlowClientGuard guard = new SlowClientGuard(timeouts);
        this.guard = guard;
        Javalin app = Javalin.create(config -> {
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setIdleTimeout(timeouts.idle().toMillis());
                connector.addEventListener(guard);
                try {
                    connector.open(listening);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return connector;
            });
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
            app.addHttpHandler(r.method(), r.path(), ctx -> {
                if (!r.isPublic()) {
                    auth.require(ctx, r.role());
                }
                Body.requireSupportedType(ctx, r.acceptsText());
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
            problem(ctx, status, Problems.codeForStatus(status), e.getMessage());
        }
    }

    /** Connections closed for sending too slowly since {@link #create}. */
    public long closedSlowClients() {
        return guard == null ? 0 : guard.closedSlowClients();
    }

    /** Stops the slow-client sweeper; call once the app has stopped. */
    @Override
    public void close() {
        if (guard != null) {
            guard.close();
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
