package dev.farthing.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small JSON client for the ledger's HTTP API, as the crash test and CLI tests use it. */
final class LedgerHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** A reply: HTTP status and parsed body (null when empty or not JSON). */
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status == 200 || status == 201;
        }

        String code() {
            return body == null ? "" : body.path("code").asText("");
        }
    }

    private final String base;
    private final String apiKey;
    private final HttpClient http;

    LedgerHttp(String base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
        // HTTP/1.1 only, and a fresh client per server start: a killed server leaves dead pooled connections.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    Reply post(String path, JsonNode body) throws IOException, InterruptedException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
        return apiKey == null ? b : b.header("Authorization", "Bearer " + apiKey);
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        JsonNode json = null;
        if (body.length > 0) {
            try {
                json = JSON.readTree(body);
            } catch (IOException notJson) {
                json = JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
            }
        }
        return new Reply(response.statusCode(), json);
    }

    Reply createAccount(String id, String currency, String kind) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("id", id).put("currency", currency).put("kind", kind);
        return post("/v1/accounts", body);
    }

    Reply account(String id) throws IOException, InterruptedException {
        return get("/v1/accounts/" + id);
    }

    Reply transfer(Leg leg) throws IOException, InterruptedException {
        return post("/v1/transfers", leg.json());
    }

    Reply lookupTransfer(String id) throws IOException, InterruptedException {
        return get("/v1/transfers/" + id);
    }

    Reply batch(List<Leg> legs, boolean atomic) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("atomic", atomic);
        ArrayNode transfers = body.putArray("transfers");
        legs.forEach(l -> transfers.add(l.json()));
        return post("/v1/transfers/batch", body);
    }

    /** Every transfer of the account, following cursors to the last page. */
    List<JsonNode> allTransfersOf(String accountId) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/v1/accounts/" + accountId + "/transfers?limit=1000"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Reply reply = get(path);
            if (reply.status() != 200) {
                throw new AssertionError("listing " + accountId + " failed: " + reply);
            }
            reply.body().path("data").forEach(all::add);
            JsonNode next = reply.body().path("next_cursor");
            cursor = next.isTextual() ? next.asText() : null;
        } while (cursor != null);
        return all;
    }
}
