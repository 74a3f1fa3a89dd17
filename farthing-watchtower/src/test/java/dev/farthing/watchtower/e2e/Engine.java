package dev.farthing.watchtower.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.server.ApiKeys;
import dev.farthing.server.FarthingServer;
import dev.farthing.server.Role;
import dev.farthing.server.ServerOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** A real Farthing engine (ledger, channels, HTTP) on an ephemeral port in a temp dir, with a tiny client. */
final class Engine implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    final FarthingServer server;
    final String operatorKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Reply(int status, JsonNode json) {
    }

    Engine(Path dir) {
        this(dir, 0, null);
    }

    /** Starts on {@code port} (0: any); a restart passes the old port and the operator key it already has. */
    Engine(Path dir, int port, String existingKey) {
        Path data = dir.resolve("engine");
        server = FarthingServer.start(new ServerOptions(data, "127.0.0.1", port, LedgerConfig.defaults(data)));
        operatorKey = existingKey != null ? existingKey : ApiKeys.create(data, Role.OPERATOR, "watchtower e2e");
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(uri().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri().resolve(path)).GET());
    }

    /** POST that must succeed with one of the given statuses. */
    JsonNode ok(String path, String body) {
        Reply r = post(path, body);
        if (r.status() / 100 != 2) {
            throw new AssertionError("POST " + path + " -> " + r.status() + " " + r.json());
        }
        return r.json();
    }

    long balance(String account) {
        return get("/v1/accounts/" + account).json().path("balance").asLong();
    }

    private Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.header("Authorization", "Bearer " + operatorKey)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
