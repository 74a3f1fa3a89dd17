package dev.farthing.server.http.console;

import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Route;
import dev.farthing.server.keys.KeyRegistry;
import io.javalin.Javalin;

import java.util.ArrayList;
import java.util.List;

/**
 * The analyst console at {@code /console}: its static files, the session routes ({@code /console/session},
 * {@code /console/logout}), queue assignments ({@code /v1/assignments}) and the chart figures
 * ({@code /v1/metrics/summary}). The page works the queues through the ordinary API routes; {@link #guard()}
 * lets those accept the console's session cookie in place of a bearer key (see docs/CONSOLE.md).
 */
public final class ConsoleApi {
    private final ConsoleGuard guard;
    private final List<Route> routes;
    private final ConsoleAssets assets;

    public ConsoleApi(KeyRegistry keys, Metrics metrics) {
        this.guard = new ConsoleGuard(new ConsoleSessions(keys));
        List<Route> all = new ArrayList<>(new SessionRoutes(guard).routes());
        all.addAll(new Assignments().routes());
        all.add(new MetricsSummary(metrics).route());
        this.routes = List.copyOf(all);
        this.assets = ConsoleAssets.load();
    }

    public ConsoleGuard guard() {
        return guard;
    }

    public List<Route> routes() {
        return routes;
    }

    /** Serves the static files on {@code app} (before it starts). */
    public void serveAssets(Javalin app) {
        assets.install(app);
    }
}
