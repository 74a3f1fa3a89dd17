package dev.farthing.simulator.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/** A minimal JSON client for a Farthing server: POST a body with the bearer key, get status and JSON back. */
public final class ServerApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final String key;
    private final HttpClient http;

    public record Reply(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public ServerApi(URI base, String key) {
        this.base = base;
        this.key = key;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Reply post(String path, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            JsonNode json = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during POST " + path, e);
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
