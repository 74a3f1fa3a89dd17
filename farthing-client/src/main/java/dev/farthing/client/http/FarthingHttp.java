package dev.farthing.client.http;

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

/**
 * JSON over {@code java.net.http} with a Bearer API key. Any non-2xx reply becomes a
 * {@link FarthingApiException} carrying the problem+json code; replies are bounded in size.
 */
public final class FarthingHttp {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_REPLY = 4 << 20;

    private final URI base;
    private final String apiKey;
    private final HttpClient client;
    private final Duration timeout;

    public FarthingHttp(URI base, String apiKey) {
        this(base, apiKey, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build(), Duration.ofSeconds(30));
    }

    public FarthingHttp(URI base, String apiKey, HttpClient client, Duration timeout) {
        this.base = base;
        this.apiKey = apiKey;
        this.client = client;
        this.timeout = timeout;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public JsonNode post(String path, ObjectNode body) {
        try {
            byte[] bytes = MAPPER.writeValueAsBytes(body);
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        request.timeout(timeout).header("Authorization", "Bearer " + apiKey).header("Accept", "application/json");
        HttpResponse<byte[]> reply;
        try {
            reply = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + base, e);
        }
        byte[] body = reply.body();
        if (body.length > MAX_REPLY) {
            throw new FarthingApiException(reply.statusCode(), "reply_too_large", body.length + " bytes");
        }
        JsonNode json = parse(body);
        if (reply.statusCode() / 100 != 2) {
            String code = json == null ? "http_" + reply.statusCode() : json.path("code").asText("http_" + reply.statusCode());
            String detail = json == null ? new String(body, java.nio.charset.StandardCharsets.UTF_8) : json.path("detail").asText("");
            throw new FarthingApiException(reply.statusCode(), code, detail);
        }
        if (json == null) {
            throw new FarthingApiException(reply.statusCode(), "invalid_reply", "expected a JSON body");
        }
        return json;
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
