package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.server.http.Route;
import dev.farthing.server.http.SystemRoutes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document in the repo describes exactly the routes a started server registers, domains included. */
class OpenApiRoutesTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @TempDir
    Path dir;

    private List<Route> servedRoutes() {
        try (TestServer server = TestServer.start(dir)) {
            return server.server.routes();
        }
    }

    @Test
    void everyRegisteredRouteIsDocumentedAndViceVersa() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(SystemRoutes.loadOpenApi());
        assertThat(doc.path("openapi").asText()).startsWith("3.1");
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m)) {
                    documented.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        Set<String> registered = new TreeSet<>();
        for (Route r : servedRoutes()) {
            registered.add(r.method().name() + " " + r.path());
        }
        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void documentedRolesAndSecurityMatchTheRouteTable() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(SystemRoutes.loadOpenApi());
        for (Route r : servedRoutes()) {
            JsonNode op = doc.path("paths").path(r.path()).path(r.method().name().toLowerCase(Locale.ROOT));
            String role = r.role() == null ? "none" : r.role().wire();
            assertThat(op.path("x-farthing-role").asText()).as(r.method() + " " + r.path()).isEqualTo(role);
            assertThat(op.has("security") && op.get("security").isEmpty()).as("public " + r.path()).isEqualTo(r.isPublic());
            if (!r.isPublic()) {
                assertThat(op.path("responses").has("401")).as("401 documented for " + r.path()).isTrue();
                assertThat(op.path("responses").has("403")).as("403 documented for " + r.path()).isTrue();
            }
        }
    }
}
