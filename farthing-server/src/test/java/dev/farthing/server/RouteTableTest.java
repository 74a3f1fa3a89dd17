package dev.farthing.server;

import dev.farthing.server.http.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Wiring invariant: every domain adapter's routes are served, and no two handlers claim one route. */
class RouteTableTest {
    @TempDir
    Path dir;

    @Test
    void theServedTableHasOneHandlerPerRouteFromEveryAdapter() {
        try (TestServer t = TestServer.start(dir)) {
            List<Route> routes = t.server.routes();
            Set<String> seen = new HashSet<>();
            routes.forEach(r -> assertThat(seen.add(r.method() + " " + r.path())).as(r.path()).isTrue());
            assertThat(seen).contains("GET /health", "POST /v1/transfers", "POST /v1/payments", "POST /v1/channels");
        }
    }

    @Test
    void twoHandlersForOneRouteStopTheServer() {
        Route a = Route.post("/v1/things", Role.OPERATOR, ctx -> { });
        Route b = Route.post("/v1/things", Role.ADMIN, ctx -> { });
        assertThatThrownBy(() -> new dev.farthing.server.http.HttpApi(null, null, List.of(a, b)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("POST /v1/things");
    }
}
