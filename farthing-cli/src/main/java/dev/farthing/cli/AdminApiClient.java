package dev.farthing.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the admin endpoints of a running server, for commands that cannot open a ledger it holds locked. */
final class AdminApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A snapshot of a large ledger takes a while; the server replies only once the file is durable. */
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(10);

    private final URI base;
    private final String apiKey;
    private final HttpClient http;

    AdminApiClient(String baseUrl, String apiKey) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** {@code POST /v1/admin/snapshot}; returns the snapshot file name the server reports. */
    String snapshot() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("v1/admin/snapshot"))
                .timeout(SNAPSHOT_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliException("no server answers at " + base + " (is 'farthing serve' running there?)", e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new CliException("server refused the snapshot: HTTP " + response.statusCode() + " " + problem(body,
                    response.body()));
        }
        for (String field : new String[] {"file", "snapshot", "snapshot_file", "name"}) {
            if (body != null && body.hasNonNull(field)) {
                return body.get(field).asText();
            }
        }
        return response.body().strip();
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The RFC 9457 problem's code and detail, or the raw body when it is not one. */
    private static String problem(JsonNode body, String raw) {
        if (body == null || !body.isObject()) {
            return raw == null ? "" : raw.strip();
        }
        String code = body.path("code").asText("");
        String detail = body.path("detail").asText(body.path("title").asText(""));
        return (code.isEmpty() ? "" : code + ": ") + detail;
    }
}
